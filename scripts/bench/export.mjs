// Export figures: time of a whole CSV export through the memory adapter as a ratio to one Papa.unparse of the
// same rows (same run), and the peak heap growth of each. Run through `npm run bench` (needs --expose-gc).
import Papa from 'papaparse'

import { createMemoryAdapter, csvValue, defaultFields, runCsvExport } from '../../dist/index.js'
import { generateAuditEvents } from '../../dist/msw/index.js'
import { mb, ms, verdict } from './machine.mjs'

const FIELDS = defaultFields.slice(0, 12)
const HEAP_BUDGET = 150 * 2 ** 20

function settle() {
  globalThis.gc?.()
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

/** A sink like the browser's download path, minus the download: Blob parts, kept until the end. */
function blobSink() {
  let parts = []
  let bytes = 0
  return {
    bytes: () => bytes,
    write: async (chunk) => {
      bytes += chunk.length
      parts.push(new Blob([chunk]))
    },
    close: async () => {
      new Blob(parts)
      parts = []
    },
    abort: async () => {
      parts = []
    },
  }
}

async function measure(count) {
  const events = generateAuditEvents({ count, seed: 3, end: Date.UTC(2026, 10, 23) })

  // Baseline: the same rows as text cells, written by one Papa.unparse call (its text is freed on return).
  const { papaMs, papaHeap, papaBytes } = (() => {
    const rows = events.map((event) => FIELDS.map((field) => csvValue(field, event, { timeZone: 'UTC' })))
    const before = settle()
    const start = performance.now()
    const csv = Papa.unparse(rows, { newline: '\r\n' })
    return { papaMs: performance.now() - start, papaHeap: process.memoryUsage().heapUsed - before, papaBytes: csv.length }
  })()

  // The library's export, page by page; the heap is sampled after every page.
  const adapter = createMemoryAdapter(events)
  await adapter.listEvents({ limit: 1 }, { signal: new AbortController().signal }) // index and sort outside the timing
  const sink = blobSink()
  const base = settle()
  let peak = 0
  const started = performance.now()
  const result = await runCsvExport({
    adapter,
    search: {},
    fields: FIELDS,
    timeZone: 'UTC',
    sink,
    signal: new AbortController().signal,
    scope: 'all',
    now: Date.UTC(2030, 0, 1),
    onProgress: () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed - base)
    },
  })
  const oursMs = performance.now() - started
  if (result.rows !== count) throw new Error(`the export wrote ${result.rows} rows, expected ${count}`)
  const ratio = oursMs / papaMs
  const label = count.toLocaleString('en-US')
  return [
    [`export ${label} × 12: one Papa.unparse`, `${ms(papaMs)}, heap +${mb(papaHeap)}, ${mb(papaBytes)} of text`, '', ''],
    [`export ${label} × 12: runCsvExport (500 a page)`, `${ms(oursMs)}, peak heap +${mb(peak)}`, '', ''],
    [`export ${label} × 12: time ratio to Papa.unparse`, `${ratio.toFixed(2)}×`, '≤ 1.00× (throughput ≥ 1.0×)', verdict(ratio <= 1)],
    ...(count >= 1_000_000 ? [[`export ${label} × 12: peak heap growth`, mb(peak), '≤ 150 MB', verdict(peak <= HEAP_BUDGET)]] : []),
  ]
}

export async function exportFigures() {
  const rows = []
  for (const count of [100_000, 1_000_000]) rows.push(...(await measure(count)))
  return rows
}
