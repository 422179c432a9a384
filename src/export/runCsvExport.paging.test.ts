import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { errorProblem } from '../core/errorProblem'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../adapter/types'
import type { AuditEvent } from '../core/types'
import { base, parse } from '../../test/support/csvExportRun'
import { makeEvents } from '../../test/support/events'
import { createMemorySink } from '../../test/support/memorySink'
import { runCsvExport } from './runCsvExport'

describe('runCsvExport', () => {
  it.each(['asc', 'desc'] as const)(
    'neither repeats nor skips an event while new events keep arriving at an offset-paged backend (%s)',
    async (direction) => {
      // A live log: every request sees the events inserted so far, like an offset/count API over a growing table.
      const log: AuditEvent[] = makeEvents(300, Date.UTC(2026, 0, 1))
      const exportStart = Date.UTC(2026, 0, 2)
      let inserted = 0
      const adapter: AuditLogsAdapter = {
        listEvents: async (query, options) => {
          const page = await createMemoryAdapter([...log]).listEvents(query, options)
          // Between page fetches, five newer events arrive (newest first, so they would shift offsets).
          for (let index = 0; index < 5; index += 1) {
            inserted += 1
            log.push({ id: `new${inserted}`, createdAt: new Date(exportStart + inserted * 1000).toISOString(), action: 'save' })
          }
          return page
        },
      }
      const sink = createMemorySink()
      const search = { sort: { key: 'createdAt', direction } }
      const result = await runCsvExport({ ...base, adapter, search, sink, signal: new AbortController().signal, pageSize: 40, now: exportStart })
      const ids = parse(sink.text())
        .slice(1)
        .map((row) => row[0])
      expect(inserted).toBeGreaterThan(0)
      expect(result.rows).toBe(300)
      expect(ids).toHaveLength(300)
      expect(new Set(ids).size).toBe(300)
    },
  )

  it('stops on a cursor that repeats instead of looping forever', async () => {
    const adapter: AuditLogsAdapter = { listEvents: async () => ({ events: [], nextCursor: 'same' }) }
    const sink = createMemorySink()
    await expect(runCsvExport({ ...base, adapter, search: {}, sink, signal: new AbortController().signal })).rejects.toThrow(
      /a cursor it had returned before/,
    )
    expect(sink.aborted).toBe(true)
  })

  it('ends within a bounded number of requests whatever cursors a backend hands out (fuzzed)', async () => {
    // Pages replayed without end, cursors from a set of four: at most the first page and one per cursor.
    const page = fc.record({ size: fc.nat(3), next: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }) })
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 12 }), async (pages) => {
        let calls = 0
        const adapter: AuditLogsAdapter = {
          listEvents: async () => {
            const { size, next } = pages[calls % pages.length] as { size: number; next: string | null }
            calls += 1
            return { events: makeEvents(size, Date.UTC(2026, 0, 1) + calls * 3_600_000), nextCursor: next }
          },
        }
        const sink = createMemorySink()
        await runCsvExport({ ...base, adapter, search: {}, sink, signal: new AbortController().signal }).catch(() => undefined)
        expect(calls).toBeLessThanOrEqual(5)
      }),
      { numRuns: 300 },
    )
  })

  it('stops after three empty pages in a row that each offer another, and on a cursor it followed before, saying which', async () => {
    let calls = 0
    const empty: AuditLogsAdapter = { listEvents: async () => ({ events: [], nextCursor: `c${String((calls += 1))}` }) }
    const emptyRun = runCsvExport({ ...base, adapter: empty, search: {}, sink: createMemorySink(), signal: new AbortController().signal })
    await expect(emptyRun).rejects.toThrow(/3 empty pages in a row/)
    await expect(emptyRun).rejects.toMatchObject({ code: 'paging-stopped', reason: 'empty-pages' })
    expect(calls).toBe(3)

    calls = 0
    const cycling: AuditLogsAdapter = {
      listEvents: async () => ({ events: makeEvents(2, Date.UTC(2026, 0, 1) + (calls += 1) * 3_600_000), nextCursor: calls % 2 ? 'a' : 'b' }),
    }
    const cycle = runCsvExport({ ...base, adapter: cycling, search: {}, sink: createMemorySink(), signal: new AbortController().signal })
    await expect(cycle).rejects.toMatchObject({ code: 'paging-stopped', reason: 'repeated-cursor' })
    expect(errorProblem(await cycle.catch((error: unknown) => error), 30_000)).toEqual({ kind: 'paging-stopped', reason: 'repeated-cursor' })
  })

  it('writes exact copies within one page as rows, and merges (and counts) only copies of an earlier page', async () => {
    const record = { id: 'gh-1', createdAt: '2026-01-01T00:00:00.000Z', action: 'repo.create' }
    const pages = [
      { events: [record, { ...record }], nextCursor: 'p2' },
      { events: [{ ...record }, { id: 'gh-2', createdAt: '2026-01-01T00:01:00.000Z', action: 'repo.delete' }], nextCursor: null },
    ]
    let calls = 0
    const adapter: AuditLogsAdapter = { listEvents: async () => pages[calls++] as (typeof pages)[number] }
    const result = await runCsvExport({ ...base, adapter, search: {}, sink: createMemorySink(), signal: new AbortController().signal })
    expect(result).toMatchObject({ rows: 3, merged: 1 })
  })

  it('reads on while the backend offers pages, whatever its total says, and never reports more written than a total', async () => {
    let calls = 0
    // 50 pages of 10 events, each claiming a total of 10.
    const adapter: AuditLogsAdapter = {
      listEvents: async () => {
        calls += 1
        return {
          events: makeEvents(10, Date.UTC(2026, 0, 1) + calls * 36_000_000),
          total: 10,
          nextCursor: calls < 50 ? `c${String(calls)}` : null,
        }
      },
    }
    const progress: { written: number; total: number | undefined }[] = []
    const sink = createMemorySink()
    const result = await runCsvExport({
      ...base,
      adapter,
      search: {},
      pageSize: 10,
      sink,
      signal: new AbortController().signal,
      onProgress: (report) => progress.push(report),
    })
    expect(calls).toBe(50)
    expect(result.rows).toBe(500)
    expect(progress.length).toBeGreaterThan(0)
    for (const report of progress) if (report.total !== undefined) expect(report.total).toBeGreaterThanOrEqual(report.written)
    expect(progress.at(-1)?.written).toBe(500)
  })
})
