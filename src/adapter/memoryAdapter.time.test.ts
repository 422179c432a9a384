import { describe, expect, it } from 'vitest'

import { makeEvent, signal } from '../../test/support/events'
import { ids } from '../../test/support/memoryAdapterPages'
import { createMemoryAdapter } from './memoryAdapter'

describe('createMemoryAdapter', () => {
  describe('time range', () => {
    const events = [
      makeEvent('before', '2026-03-07T23:59:59.999Z'),
      makeEvent('start', '2026-03-08T00:00:00.000Z'),
      makeEvent('last', '2026-03-08T23:59:59.999Z'),
      makeEvent('end', '2026-03-09T00:00:00.000Z'),
      makeEvent('epoch', Date.UTC(2026, 2, 8, 12)),
    ]
    const adapter = createMemoryAdapter(events)

    it('is half-open: from inclusive, to exclusive, to the millisecond', async () => {
      const page = await adapter.listEvents(
        { from: '2026-03-08T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z', limit: 10, sort: { key: 'createdAt', direction: 'asc' } },
        { signal: signal() },
      )
      expect(ids(page.events)).toEqual(['start', 'epoch', 'last'])
      expect(page.total).toBe(3)
    })

    it('compares instants, not strings, when offsets differ', async () => {
      const page = await adapter.listEvents({ from: '2026-03-08T05:30:00+05:30', limit: 10 }, { signal: signal() })
      expect(ids(page.events)).toEqual(['end', 'last', 'epoch', 'start'])
    })

    it('refuses an unparseable bound with a clear error', async () => {
      await expect(adapter.listEvents({ from: 'yesterday', limit: 10 }, { signal: signal() })).rejects.toThrow(
        '"from" must be an ISO-8601 instant with a time zone, got "yesterday".',
      )
    })
  })

  it("reads each event's time in the given format, every digit kept", async () => {
    const adapter = createMemoryAdapter(
      [
        { id: 'a', createdAt: '2024-12-17 08:30:00.123456' },
        { id: 'b', createdAt: '2024-12-17 08:30:00.123457' },
        { id: 'broken', createdAt: '2024-12-17 00:00:00000000' },
      ],
      { timeFormat: 'utc-datetime' },
    )
    const page = await adapter.listEvents({ limit: 10, from: '2024-12-17T00:00:00Z' }, { signal: signal() })
    // Newest first, to the microsecond: both are in one millisecond.
    expect(page.events.map((event) => event.createdAt)).toEqual(['2024-12-17T08:30:00.123457Z', '2024-12-17T08:30:00.123456Z'])
    // Unreadable, so before any instant: kept by the whole log, with its raw time.
    const all = await adapter.listEvents({ limit: 10 }, { signal: signal() })
    expect(all.events.map((event) => event.createdAt)).toContain('2024-12-17 00:00:00000000')
    await expect(adapter.getEvent('a', { signal: signal() })).resolves.toMatchObject({ createdAt: '2024-12-17T08:30:00.123456Z' })
  })

  it('sorts times as the instants they are: past the millisecond, and whatever their number of digits', async () => {
    const received = (id: string, receiveTimestamp: string, createdAt: string) => ({ id, createdAt, receiveTimestamp })
    const events = [
      // Google Cloud writes 0, 3, 6 or 9 fractional digits; digit runs would put .12 before .1195.
      received('a', '2021-11-25T21:56:00.12Z', '2026-01-01T00:00:00.000300Z'),
      received('b', '2021-11-25T21:56:00.1195Z', '2026-01-01T00:00:00.000100Z'),
      received('c', '2021-11-25T22:56:00+01:00', '2026-01-01T00:00:00.000200Z'),
      received('d', '2021-11-25T21:56:00.119499999Z', '2026-01-01T00:00:00.000Z'),
    ]
    const adapter = createMemoryAdapter(events)
    const by = async (key: string) => ids((await adapter.listEvents({ limit: 10, sort: { key, direction: 'asc' } }, { signal: signal() })).events)
    expect(await by('receiveTimestamp')).toEqual(['c', 'd', 'b', 'a'])
    // Kubernetes' microseconds inside one millisecond order the events, before their ids do.
    expect(await by('createdAt')).toEqual(['d', 'b', 'c', 'a'])
  })

  it('puts a time written like toISOString for a day that does not exist last, with the unreadable ones', async () => {
    const events = [
      makeEvent('real', '2026-03-02T00:00:00.000Z'),
      makeEvent('no-such-day', '2026-02-30T00:00:00.000Z'),
      makeEvent('older', '2026-02-01T00:00:00.000Z'),
    ]
    const page = await createMemoryAdapter(events).listEvents({ limit: 10 }, { signal: signal() })
    expect(ids(page.events)).toEqual(['real', 'older', 'no-such-day'])
  })
})
