#!/usr/bin/env node
// The host page's first rows, before and after: the same host page as `host.mjs` (the package in a production
// host app, StrictMode, 100,000 events in the memory adapter) built once from an earlier commit and once from
// this checkout, measured in one run. Loads alternate between the two (and which goes first alternates by
// round), so whatever else the machine is doing weighs on both alike.
//
//   npm run build && node scripts/bench/hostBeforeAfter.mjs [--before <commit>] [--rounds 3] [--loads 3]
//
// `--before` defaults to where this branch left main (`git merge-base HEAD main`). The earlier commit's sources
// come from `git archive` into a scratch folder and are built by its own `vite build`, with this checkout's
// node_modules (so a dependency changed between the two counts as "after").
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { chromium } from 'playwright-core'

import { chromiumArgs, chromiumPath } from '../chromium.mjs'
import { serveStaticFolder } from '../serveStatic.mjs'
import { buildHost, HOST_MAIN, loadFirstRows } from './host.mjs'
import { machineLine, ms, printTable } from './machine.mjs'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// Inside node_modules, so each host resolves React and the package's dependencies as an installed package does;
// named after the checkout, as worktrees may share one node_modules.
const CACHE = join(ROOT, 'node_modules', '.cache')
const SCRATCH = join(CACHE, `react-audit-logs-before-${basename(ROOT)}`)

const { values } = parseArgs({
  options: { before: { type: 'string' }, rounds: { type: 'string', default: '3' }, loads: { type: 'string', default: '3' } },
})
const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
const before = git('rev-parse', '--verify', `${values.before ?? git('merge-base', 'HEAD', 'main')}^{commit}`)
const [rounds, loads] = [Number(values.rounds), Number(values.loads)]

/** The earlier commit's package, built from its own sources and config: its folder (with `dist/`). */
function buildBefore() {
  rmSync(SCRATCH, { recursive: true, force: true })
  mkdirSync(SCRATCH, { recursive: true })
  execFileSync('sh', ['-c', `git archive --format=tar ${before} | tar -x -C "${SCRATCH}"`], { cwd: ROOT, stdio: 'inherit' })
  symlinkSync(join(ROOT, 'node_modules'), join(SCRATCH, 'node_modules'))
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: SCRATCH, stdio: 'inherit' })
  return SCRATCH
}

/** A host app around one build of the package (its package.json and dist, as `npm pack` ships them), built. */
async function hostFor(name, packageRoot) {
  const host = join(CACHE, `react-audit-logs-host-${name}-${basename(ROOT)}`)
  rmSync(host, { recursive: true, force: true })
  const installed = join(host, 'node_modules', 'react-audit-logs')
  mkdirSync(installed, { recursive: true })
  cpSync(join(packageRoot, 'package.json'), join(installed, 'package.json'))
  cpSync(join(packageRoot, 'dist'), join(installed, 'dist'), { recursive: true })
  writeFileSync(join(host, 'package.json'), JSON.stringify({ name: 'host-page', private: true, type: 'module' }))
  writeFileSync(
    join(host, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>',
  )
  writeFileSync(join(host, 'main.js'), HOST_MAIN)
  await buildHost(host)
  return join(host, 'out')
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const summary = (values) =>
  `${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))}; ${values.map((value) => value.toFixed(0)).join(', ')})`

const builds = [
  { name: `before (${before.slice(0, 7)})`, out: await hostFor('before', buildBefore()), times: [] },
  {
    name: `after (${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' + changes' : ''})`,
    out: await hostFor('after', ROOT),
    times: [],
  },
]
const servers = await Promise.all(builds.map((build) => serveStaticFolder(build.out)))
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
try {
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0]
    for (const index of order) {
      for (let load = 0; load < loads; load += 1) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
        try {
          builds[index].times.push((await loadFirstRows(await context.newPage(), servers[index].url)).ms)
        } finally {
          await context.close()
        }
      }
    }
  }
} finally {
  await browser.close()
  for (const { server } of servers) server.close()
  rmSync(SCRATCH, { recursive: true, force: true })
}

console.log(`react-audit-logs host bench, before and after — ${machineLine()}`)
printTable(
  `Host page: render start → first rows visible (100,000 events, StrictMode); ${rounds} rounds × ${loads} loads each, alternating; median (min–max; every load)`,
  [
    ...builds.map((build) => [build.name, summary(build.times), '', '']),
    ['after − before (medians)', ms(median(builds[1].times) - median(builds[0].times)), 'not slower', ''],
  ],
)
