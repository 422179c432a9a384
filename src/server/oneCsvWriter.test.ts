import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every module `react-audit-logs/server` loads, by walking its relative imports from the entry point. */
function moduleGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? ''
      if (!specifier.startsWith('.')) packages.add(specifier)
      else {
        const base = resolve(dirname(file), specifier)
        visit(existsSync(`${base}.ts`) ? `${base}.ts` : existsSync(`${base}.tsx`) ? `${base}.tsx` : resolve(base, 'index.ts'))
      }
    }
  }
  visit(entry)
  return { files, packages }
}

describe('one CSV writer', () => {
  it("the server writes with the browser's hand-written CSV writer: papaparse is not among what it loads", () => {
    const { files, packages } = moduleGraph(resolve(here, 'index.ts'))
    expect(files).toContain(resolve(here, '../core/csv.ts'))
    expect([...packages].filter((name) => name.startsWith('papaparse'))).toEqual([])
  })
})
