// The size check's own tests: it passes within budget and fails (exit 1) when a budget is lowered below
// the real size. It builds the library into a temporary folder, so it needs no earlier `npm run build`.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkBudgets } from '../scripts/bench/bundle.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
let dist = ''

beforeAll(async () => {
  // Inside the project, so the built files resolve their dependencies from node_modules.
  dist = join(ROOT, '.size-check-dist')
  // Built as `npm run build` builds it, in its own process (this one runs with NODE_ENV=test).
  const built = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
  if (built.status !== 0) throw new Error(built.stderr)
}, 120_000)

afterAll(() => {
  rmSync(dist, { recursive: true, force: true })
})

const sizeCheck = (...args) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/size-check.mjs'), `--dist=${dist}`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })

describe('the size check', () => {
  it('fails when the bundle is over a (lowered) budget, naming the figure', () => {
    const run = sizeCheck('--max-added-kb=1', '--max-own-kb=1')
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^OVER addedInitial: \d+\.\d KiB gzipped \(budget 1\.0 KiB\)$/m)
    expect(run.stdout).toMatch(/^OVER ownCode:/m)
  }, 120_000)

  it('passes within the real budgets', () => {
    const run = sizeCheck()
    expect(run.stdout).toMatch(/^ok {3}addedInitial/m)
    expect(run.status).toBe(0)
  }, 120_000)

  it('judges each figure against its budget', () => {
    expect(checkBudgets({ addedInitial: 10, ownCode: 5 }, { addedInitial: 10, ownCode: 4 })).toEqual({
      ok: false,
      results: [
        { name: 'addedInitial', size: 10, budget: 10, within: true },
        { name: 'ownCode', size: 5, budget: 4, within: false },
      ],
    })
  })
})
