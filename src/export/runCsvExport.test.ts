import { describe, expect, it } from 'vitest'

import { AuditLogsError } from '../adapter/errors'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../adapter/types'
import type { AuditEvent } from '../core/types'
import { base, parse } from '../../test/support/csvExportRun'
import { makeEvents } from '../../test/support/events'
import { createMemorySink } from '../../test/support/memorySink'
import { pinRange } from './exportPages'
import { runCsvExport } from './runCsvExport'

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
})

describe('pinRange', () => {
  it('pins an open or future end to the export start, and keeps a past end', () => {
    const now = Date.UTC(2026, 10, 23, 12)
    expect(pinRange({}, now)).toEqual({ to: '2026-11-23T12:00:00.000Z' })
    expect(pinRange({ to: '2027-01-01T00:00:00Z' }, now).to).toBe('2026-11-23T12:00:00.000Z')
    expect(pinRange({ to: '2026-11-01T00:00:00Z' }, now).to).toBe('2026-11-01T00:00:00Z')
  })
})
