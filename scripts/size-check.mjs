#!/usr/bin/env node
// Fails (exit 1) when the bundle passes its budget. Run after `npm run build`.
// `--max-added-kb=N` / `--max-own-kb=N` lower the budgets (the check's own test uses them).
import { BUDGETS, checkBudgets, measureBundle } from './bench/bundle.mjs'

const option = (name) => {
  const arg = process.argv.find((value) => value.startsWith(`--${name}=`))
  return arg ? Number(arg.split('=')[1]) * 1024 : undefined
}
const budgets = { addedInitial: option('max-added-kb') ?? BUDGETS.addedInitial, ownCode: option('max-own-kb') ?? BUDGETS.ownCode }
const dist = process.argv.find((value) => value.startsWith('--dist='))?.split('=')[1]

const { ok, results } = checkBudgets(await measureBundle(dist), budgets)
for (const { name, size, budget, within } of results) {
  console.log(`${within ? 'ok  ' : 'OVER'} ${name}: ${(size / 1024).toFixed(1)} KiB gzipped (budget ${(budget / 1024).toFixed(1)} KiB)`)
}
process.exit(ok ? 0 : 1)
