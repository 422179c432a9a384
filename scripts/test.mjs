#!/usr/bin/env node
// The whole suite: lint, type-check, build and check the package, build Storybook, then every Vitest project (unit in jsdom; browser,
// stories and end-to-end in Chromium). Finds Debian's Chromium or installs it when it can. Ends with
// the line "N passed, N failed" (lint, format and type-check count as one check each).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'

const REPORT = '.vitest-reports/vitest.json'

function run(command, args, options = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`)
  return spawnSync(command, args, { stdio: 'inherit', ...options }).status === 0
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)
  return candidates.find((path) => existsSync(path))
}

function ensureChromium() {
  let path = findChromium()
  if (path) return path
  const isRoot = process.getuid?.() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  if (isRoot && hasApt) {
    console.log("Chromium is missing: installing Debian's chromium package (about 30 s)…")
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    run('apt-get', ['update', '-qq'], { env })
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env })
    path = findChromium()
  }
  if (!path) {
    console.error(
      '\nThe browser tests need Chromium and none was found.\n' +
        '  On Debian or Ubuntu:  sudo apt-get install -y chromium\n' +
        '  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium\n',
    )
    process.exit(1)
  }
  return path
}

const chromium = ensureChromium()
const env = { ...process.env, CHROMIUM_PATH: chromium }
const bin = (name) => `node_modules/.bin/${name}`

const checks = {
  lint: run(bin('eslint'), ['.']),
  format: run(bin('prettier'), ['--check', '.']),
  typecheck: run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']),
}
// The package itself: the server end-to-end test runs the built `react-audit-logs/server` and fetch adapter.
const packageBuilt = run('npm', ['run', 'build', '--silent'])
// The packed package as the ecosystem checks it: its package.json and exports (publint), and its types under
// each resolution a host may use for an ESM-only package (attw; the stylesheet is no module to type).
const packageChecked =
  packageBuilt &&
  run(bin('publint'), ['--strict']) &&
  run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--exclude-entrypoints', './styles.css']) &&
  // Every export of each entry point, as committed in api/: a change to the public API shows in review.
  run('node', ['scripts/apiReport.mjs'])
const storybookBuilt = run(bin('storybook'), ['build', '--quiet', '--output-dir', 'storybook-static'], { env })

mkdirSync('.vitest-reports', { recursive: true })
const projects = storybookBuilt ? [] : ['--project', 'unit', '--project', 'browser', '--project', 'storybook']
run(bin('vitest'), ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`], { env })

let passed = 0
let failed = 0
let skipped = 0
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'))
  passed = report.numPassedTests
  failed = report.numFailedTests
  skipped = report.numPendingTests + report.numTodoTests
  // A file that failed to load has no tests to count; count it as one failure.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length
} else {
  failed += 1
}
for (const [name, ok] of Object.entries({
  ...checks,
  'package build': packageBuilt,
  'package checks': packageChecked,
  'storybook build': storybookBuilt,
})) {
  if (ok) passed += 1
  else {
    failed += 1
    console.error(`✗ ${name} failed`)
  }
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
