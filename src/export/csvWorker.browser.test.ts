import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { AuditEvent, AuditField } from '../core/types'
import { anyEvent, anyFields, timeZone } from '../../test/support/csvArbitraries'
import { type CsvExportResult, runCsvExport } from './runCsvExport'
import { createDownloadSink } from './sinks'

interface Exported {
  bytes: Uint8Array
  result: CsvExportResult
  /** Chunks the sink got as Blob parts: made by the Worker. */
  blobParts: number
}

/** An export of every event through the real download sink, its file read back as bytes. */
async function exportAll(events: AuditEvent[], fields: AuditField[], zone: string | undefined, bom: boolean, worker: boolean): Promise<Exported> {
  let file: Blob | undefined
  const download = createDownloadSink('audit.csv', (blob) => {
    if (typeof blob !== 'string') file = blob
  })
  let blobParts = 0
  const result = await runCsvExport({
    adapter: createMemoryAdapter(events),
    search: {},
    fields,
    timeZone: zone,
    bom,
    sink: {
      write: (chunk) => {
        if (chunk instanceof Blob) blobParts += 1
        return download.write(chunk)
      },
      close: () => download.close(),
      abort: () => download.abort(),
    },
    signal: new AbortController().signal,
    scope: 'all',
    // The range is pinned to the export's start: late, so events of any year are in it.
    now: Date.UTC(9999, 11, 31),
    // Small pages, so a few events make several pages and the Worker starts.
    pageSize: 3,
    worker,
  })
  if (!file) throw new Error('the export made no file')
  return { bytes: new Uint8Array(await file.arrayBuffer()), result, blobParts }
}

/** Any fields, often led by the time column a log's data structure has (times are the zone-dependent cells). */
const fieldsWithTime = fc
  .tuple(fc.boolean(), anyFields)
  .map(([time, fields]): AuditField[] => (time ? [{ key: 'createdAt', label: 'Time', type: 'datetime' }, ...fields] : fields))

describe('the export in a Worker', () => {
  it('writes a file byte for byte as the main thread does, for any events, fields, zone and BOM (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyEvent, { minLength: 4, maxLength: 14 }),
        fieldsWithTime,
        timeZone,
        fc.boolean(),
        async (events, fields, zone, bom) => {
          const inWorker = await exportAll(events, fields, zone, bom, true)
          const onMain = await exportAll(events, fields, zone, bom, false)
          expect(inWorker.bytes).toEqual(onMain.bytes)
          expect(inWorker.result).toEqual(onMain.result)
          expect(onMain.blobParts).toBe(0)
          // With more than one page of rows, those after the first went through the Worker, unless no column
          // is one it can write.
          const workerColumns = fields.some((field) => field.exported !== false && !field.value && !field.format)
          if (workerColumns && (inWorker.result.rows ?? 0) > 3) expect(inWorker.blobParts).toBeGreaterThan(0)
        },
      ),
      { numRuns: 60 },
    )
    // Each case starts a Worker: a generous limit on a busy machine, never a timing assertion.
  }, 120_000)

  it('reads host value and format functions on the main thread and counts their failures alike', async () => {
    const events: AuditEvent[] = Array.from({ length: 10 }, (_, index) => ({
      id: `e${String(index)}`,
      createdAt: new Date(Date.UTC(2026, 2, 29, 0, index * 7)).toISOString(),
      note: index % 2 === 0 ? '=cmd' : 'x'.repeat(40_000),
      payload: { index, nested: [index] },
    }))
    const fields: AuditField[] = [
      { key: 'createdAt', label: 'Time', type: 'datetime' },
      { key: 'note', label: 'Note' },
      { key: 'payload', label: 'Payload', type: 'json' },
      {
        key: 'derived',
        label: 'Derived',
        value: (event) => {
          if (event.id === 'e3') throw new Error('no value')
          return event.id
        },
      },
    ]
    const inWorker = await exportAll(events, fields, 'Europe/Prague', true, true)
    const onMain = await exportAll(events, fields, 'Europe/Prague', true, false)
    expect(inWorker.bytes).toEqual(onMain.bytes)
    expect(inWorker.result).toEqual({ rows: 10, truncatedCells: 5, failedCells: 1, outsideRange: 0, merged: 0 })
    expect(onMain.result).toEqual(inWorker.result)
    expect(inWorker.blobParts).toBeGreaterThan(0)
  })
})
