// Bundle figures: the gzipped bytes that importing AuditLogs adds to a minimal React 19 app built by Vite
// (the same app with and without the import, same settings), in total and without papaparse (lazy), and the
// library's own code. Byte sizes are deterministic, so `.ci/run` fails on them (scripts/size-check.mjs).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

import { build } from 'vite'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

// What a host's users download is the budget that matters (`addedInitial`). Own code's budget keeps the
// library's share honest without shaping it: a part's first look (a row, the command bar, the export control)
// is up front, and the rest of a part loads when it is first used (the drawer, the settings panel, the export,
// the timeline's plot, the rows' extras).
export const BUDGETS = {
  /** What a host page downloads up front for AuditLogs (papaparse loads on the first export). */
  addedInitial: 45 * 1024,
  /** The library's own code a host page loads up front, minified and gzipped. */
  ownCode: 23.5 * 1024,
}

const gzip = (text) => gzipSync(text, { level: 9 }).length

const BASE_APP = `
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
createRoot(document.getElementById('root')).render(createElement('main', null, 'Admin portal'))
`
const WITH_AUDIT_LOGS = `
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { AuditLogs } from 'react-audit-logs'
// The host's own adapter: the figure is what importing AuditLogs adds, nothing else.
const adapter = { listEvents: async () => ({ events: [] }) }
createRoot(document.getElementById('root')).render(createElement('main', null, createElement(AuditLogs, { adapter })))
`

async function buildApp(dir, source, dist, external = []) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'main.js'), source)
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./main.js"></script>')
  const output = await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    mode: 'production',
    // A production build whatever the caller's NODE_ENV (a test runner sets "test").
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { alias: { 'react-audit-logs': join(dist, 'index.js') } },
    build: {
      outDir: join(dir, 'out'),
      write: false,
      minify: true,
      modulePreload: false,
      rolldownOptions: { external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)) },
    },
  })
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((item) => item.type === 'chunk')
  const total = chunks.reduce((sum, chunk) => sum + gzip(chunk.code), 0)
  // Up front is what the page's entry imports statically, directly or through other chunks; a chunk that
  // only lazy chunks import (code they share) loads with them.
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const upFront = new Set()
  const visit = (chunk) => {
    if (!chunk || upFront.has(chunk)) return
    upFront.add(chunk)
    for (const name of chunk.imports) visit(byName.get(name))
  }
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk)
  const initial = [...upFront].reduce((sum, chunk) => sum + gzip(chunk.code), 0)
  return { total, initial }
}

/** Builds both apps against a built library in `dist` and returns the byte sizes. */
export async function measureBundle(dist = join(ROOT, 'dist')) {
  const work = join(ROOT, 'node_modules', '.cache', 'react-audit-logs-bundle')
  rmSync(work, { recursive: true, force: true })
  const base = await buildApp(join(work, 'base'), BASE_APP, dist)
  const withLibrary = await buildApp(join(work, 'with'), WITH_AUDIT_LOGS, dist)
  // The library alone, minified as a host's build would: every dependency external.
  const dependencies = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies)
  const own = await buildApp(join(work, 'own'), WITH_AUDIT_LOGS, dist, ['react', 'react-dom', '@tanstack/react-query', ...dependencies])
  rmSync(work, { recursive: true, force: true })
  return {
    addedTotal: withLibrary.total - base.total,
    addedInitial: withLibrary.initial - base.initial,
    ownCode: own.initial,
    ownCodeTotal: own.total,
  }
}

/** Each size against its budget; `ok` is false when any is over. */
export function checkBudgets(sizes, budgets = BUDGETS) {
  const results = Object.entries(budgets).map(([name, budget]) => ({ name, size: sizes[name], budget, within: sizes[name] <= budget }))
  return { ok: results.every((result) => result.within), results }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`

export async function bundleFigures() {
  const sizes = await measureBundle()
  const { results } = checkBudgets(sizes)
  const budgetOf = (name) => results.find((result) => result.name === name)
  return [
    ['bundle: added to a React 19 app, everything (gzip)', kb(sizes.addedTotal), '', ''],
    ["bundle: the library's own code, lazy parts too (gzip)", kb(sizes.ownCodeTotal), '', ''],
    [
      'bundle: added up front, papaparse lazy (gzip)',
      kb(sizes.addedInitial),
      `≤ ${kb(BUDGETS.addedInitial)}`,
      budgetOf('addedInitial').within ? 'within budget' : 'OVER BUDGET',
    ],
    [
      "bundle: the library's own code up front (gzip)",
      kb(sizes.ownCode),
      `≤ ${kb(BUDGETS.ownCode)}`,
      budgetOf('ownCode').within ? 'within budget' : 'OVER BUDGET',
    ],
  ]
}
