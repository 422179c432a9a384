import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

import { AuditLogsError } from '../adapter/errors'
import { errorProblem } from '../core/errorProblem'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../adapter/types'
import type { AuditEvent, AuditField } from '../core/types'
import { makeEvents } from '../../test/support/events'
import { createMemorySink } from '../../test/support/memorySink'
import { pinRange } from './exportPages'
import { runCsvExport } from './runCsvExport'

const parse = (text: string): string[][] => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data

const fields: AuditField[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'action', label: 'Action' },
  { key: 'user.email', label: 'Email', exported: false },
  { key: 'user.name', label: 'User', shown: false },
]

const base = { fields, timeZone: 'UTC', scope: 'all' as const, now: Date.UTC(2030, 0, 1) }

describe('runCsvExport', () => {
  it('writes the rows whose time cannot be read, with their raw time, as the table shows them', async () => {
    const events: AuditEvent[] = [
      ...makeEvents(3),
      { id: 'dots', createdAt: '...', action: 'save' },
      { id: 'warehouse', createdAt: '2024-12-17 00:00:00000000', action: 'save' },
    ]
    const adapter = createMemoryAdapter(events)
    // The table's search (the whole log) and the export's (its end pinned) find the same events.
    const table = await adapter.listEvents({ limit: 50 }, { signal: new AbortController().signal })
    expect(table.events).toHaveLength(5)
    const sink = createMemorySink()
    const result = await runCsvExport({ ...base, adapter, search: {}, sink, signal: new AbortController().signal })
    expect(result.rows).toBe(5)
    const times = parse(sink.text())
      .slice(1)
      .map((row) => row[0])
    expect(times).toEqual(expect.arrayContaining(['...', '2024-12-17 00:00:00000000']))
  })

  it('writes exactly every matching event: 1,234 of them in pages of 50', async () => {
    const events = makeEvents(3000)
    const sink = createMemorySink()
    const progress: number[] = []
    const result = await runCsvExport({
      ...base,
      adapter: createMemoryAdapter(events),
      search: { filters: { action: ['save'] }, from: events[532]?.createdAt as string },
      sink,
      signal: new AbortController().signal,
      pageSize: 50,
      onProgress: ({ written }) => progress.push(written),
    })
    expect(result).toEqual({ rows: 1234, truncatedCells: 0, failedCells: 0, outsideRange: 0, merged: 0 })
    const rows = parse(sink.text())
    expect(rows).toHaveLength(1235)
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(1234)
    // At most every 100 ms and once at the end: rising, and ending at every row.
    expect(progress.length).toBeGreaterThanOrEqual(1)
    expect(progress.length).toBeLessThanOrEqual(25)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
    expect(progress.at(-1)).toBe(1234)
    expect(sink.closed).toBe(true)
  })

  it('lets the page run between pages when an adapter answers at once: no export is one long task', async () => {
    const sink = createMemorySink()
    const write = sink.write.bind(sink)
    let pagesWhenTheTimerRan: number | undefined
    let pages = 0
    // Each page's work takes 20 ms, as 500 rows of formatting may: more than the export works before it yields.
    sink.write = async (chunk) => {
      const until = performance.now() + 20
      while (performance.now() < until) {
        // busy, as formatting is
      }
      pages += 1
      await write(chunk)
    }
    setTimeout(() => (pagesWhenTheTimerRan = pages), 0)
    await runCsvExport({
      ...base,
      adapter: createMemoryAdapter(makeEvents(400)),
      search: {},
      sink,
      signal: new AbortController().signal,
      pageSize: 50,
    })
    // Header and 8 pages; a 0 ms timer set before the export ran long before its last page.
    expect(pages).toBe(9)
    expect(pagesWhenTheTimerRan).toBeDefined()
    expect(pagesWhenTheTimerRan).toBeLessThan(5)
  })

  it('writes hidden-but-exported fields and never shown-but-not-exported ones', async () => {
    const sink = createMemorySink()
    await runCsvExport({ ...base, adapter: createMemoryAdapter(makeEvents(3)), search: {}, sink, signal: new AbortController().signal })
    const [header, first] = parse(sink.text())
    expect(header).toEqual(['Time', 'Action', 'User'])
    expect(first).toEqual(['2026-01-01T00:02:00.000Z', 'save', 'User 2'])
    expect(sink.text()).not.toContain('@example.com')
  })

  it('leaves no complete-looking file when page 3 fails, and says why', async () => {
    const memory = createMemoryAdapter(makeEvents(500))
    let calls = 0
    const adapter: AuditLogsAdapter = {
      listEvents: async (query, options) => {
        calls += 1
        if (calls === 3) throw new AuditLogsError('http', 'The audit-log server answered 400 Bad Request.', { status: 400 })
        return memory.listEvents(query, options)
      },
    }
    const sink = createMemorySink()
    await expect(runCsvExport({ ...base, adapter, search: {}, sink, signal: new AbortController().signal, pageSize: 50 })).rejects.toThrow(
      'The audit-log server answered 400 Bad Request.',
    )
    expect(sink.aborted).toBe(true)
    expect(sink.closed).toBe(false)
    expect(sink.text()).toBe('')
  })

  it('stops promptly on cancel and discards the file', async () => {
    const controller = new AbortController()
    const memory = createMemoryAdapter(makeEvents(500), { latency: 5 })
    const adapter: AuditLogsAdapter = {
      listEvents: async (query, options) => {
        const page = await memory.listEvents(query, options)
        if (query.cursor) controller.abort()
        return page
      },
    }
    const sink = createMemorySink()
    await expect(runCsvExport({ ...base, adapter, search: {}, sink, signal: controller.signal, pageSize: 50 })).rejects.toMatchObject({
      name: 'AbortError',
    })
    expect(sink.aborted).toBe(true)
    expect(sink.closed).toBe(false)
  })

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

  it('writes only the loaded rows when asked', async () => {
    const sink = createMemorySink()
    const loaded = makeEvents(7)
    const adapter: AuditLogsAdapter = {
      listEvents: () => {
        throw new Error('the adapter must not be called')
      },
    }
    await runCsvExport({ ...base, adapter, search: {}, scope: 'loaded', loadedEvents: loaded, sink, signal: new AbortController().signal })
    expect(parse(sink.text())).toHaveLength(8)
  })

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

describe('pinRange', () => {
  it('pins an open or future end to the export start, and keeps a past end', () => {
    const now = Date.UTC(2026, 10, 23, 12)
    expect(pinRange({}, now)).toEqual({ to: '2026-11-23T12:00:00.000Z' })
    expect(pinRange({ to: '2027-01-01T00:00:00Z' }, now).to).toBe('2026-11-23T12:00:00.000Z')
    expect(pinRange({ to: '2026-11-01T00:00:00Z' }, now).to).toBe('2026-11-01T00:00:00Z')
  })
})

describe('runCsvExport with a server-side export', () => {
  it('hands the pinned search and the exported columns to the adapter and streams its bytes to the file', async () => {
    const requests: unknown[] = []
    const adapter: AuditLogsAdapter = {
      listEvents: () => {
        throw new Error('a server export does not page through listEvents')
      },
      exportCsv: async (request) => {
        requests.push(request)
        const bytes = new TextEncoder().encode('Time,Action\r\n2026-01-01T00:00:00.000Z,save\r\n')
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes.slice(0, 10))
            controller.enqueue(bytes.slice(10))
            controller.close()
          },
        })
        return { stream }
      },
    }
    const sink = createMemorySink()
    const result = await runCsvExport({ ...base, adapter, search: { search: 'save' }, sink, signal: new AbortController().signal, fileName: 'f.csv' })
    expect(result.rows).toBeUndefined()
    expect(sink.text()).toBe('Time,Action\r\n2026-01-01T00:00:00.000Z,save\r\n')
    expect(sink.closed).toBe(true)
    expect(requests).toEqual([
      {
        query: { search: 'save', to: '2030-01-01T00:00:00.000Z' },
        columns: [
          { key: 'createdAt', label: 'Time' },
          { key: 'action', label: 'Action' },
          { key: 'user.name', label: 'User' },
        ],
        timeZone: 'UTC',
        fileName: 'f.csv',
      },
    ])
  })

  it('still pages through the adapter for "loaded rows only"', async () => {
    const adapter: AuditLogsAdapter = { listEvents: async () => ({ events: [] }), exportCsv: () => Promise.reject(new Error('not for loaded rows')) }
    const sink = createMemorySink()
    await runCsvExport({ ...base, adapter, search: {}, scope: 'loaded', loadedEvents: makeEvents(2), sink, signal: new AbortController().signal })
    expect(parse(sink.text())).toHaveLength(3)
  })
})
