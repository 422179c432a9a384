#!/usr/bin/env node
// Node's own ESM resolution (`moduleResolution: node16/nodenext` in a host's tsconfig) needs full paths in
// declaration files: `./core/types.js`, never `./core/types`. The sources import without extensions (Vite
// resolves them), so after `tsc` writes dist/**/*.d.ts this gives each relative specifier the file it names.
// Run by `npm run build`; `--check` only reports specifiers that would still fail.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const DIST = resolve(fileURLToPath(new URL('../dist', import.meta.url)))
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g

function declarationFiles(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return declarationFiles(path)
    return name.endsWith('.d.ts') ? [path] : []
  })
}

/** The specifier with the extension Node needs, or `null` when no declaration file answers it. */
function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier
  const target = resolve(dirname(file), specifier)
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier}/index.js`
  return null
}

const unresolved = []
let changed = 0
for (const file of declarationFiles(DIST)) {
  const text = readFileSync(file, 'utf8')
  const next = text.replace(SPECIFIER, (whole, prefix, quote, specifier) => {
    const full = withExtension(file, specifier)
    if (full === null) {
      unresolved.push(`${file.slice(DIST.length + 1)}: ${specifier}`)
      return whole
    }
    return `${prefix}${quote}${full}${quote}`
  })
  if (next !== text && !process.argv.includes('--check')) {
    writeFileSync(file, next)
    changed += 1
  }
}
if (unresolved.length > 0) {
  console.error(`Declarations import what no declaration file answers:\n  ${unresolved.join('\n  ')}`)
  process.exit(1)
}
if (!process.argv.includes('--check')) console.log(`declarations: full import paths in ${changed} files`)
