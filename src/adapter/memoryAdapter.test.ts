import { describe, expect, it } from 'vitest'

import { makeEvents, signal } from '../../test/support/events'
import { ids, listAll } from '../../test/support/memoryAdapterPages'
import { createMemoryAdapter } from './memoryAdapter'

describe('createMemoryAdapter', () => {
  describe('paging', () => {
    it('walks 10,000 events with opaque cursors without losing or repeating one', async () => {
      const events = makeEvents(10_000).map((event, index) =>
        // Many equal times: ties must still page deterministically.
        ({ ...event, createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(index / 10) * 1000).toISOString() }),
      )
      const adapter = createMemoryAdapter(events)
      const all = await listAll(adapter, { limit: 137 })
      expect(all).toHaveLength(10_000)
      expect(new Set(ids(all)).size).toBe(10_000)
      const filtered = await listAll(adapter, { limit: 50, filters: { severity: ['High'] }, sort: { key: 'user.name', direction: 'asc' } })
      expect(filtered).toHaveLength(2_000)
      expect(new Set(ids(filtered)).size).toBe(2_000)
    })

    it('reports the total and ends with a null cursor', async () => {
      const adapter = createMemoryAdapter(makeEvents(5))
      const first = await adapter.listEvents({ limit: 3 }, { signal: signal() })
      expect(first).toMatchObject({ total: 5, nextCursor: expect.any(String) })
      const second = await adapter.listEvents({ limit: 3, cursor: first.nextCursor ?? '' }, { signal: signal() })
      expect(second.events).toHaveLength(2)
      expect(second.nextCursor).toBeNull()
    })

    it('rejects a cursor it did not make, and a bad limit', async () => {
      const adapter = createMemoryAdapter(makeEvents(5))
      await expect(adapter.listEvents({ limit: 3, cursor: 'not-a-cursor' }, { signal: signal() })).rejects.toThrow(/paging cursor/)
      await expect(adapter.listEvents({ limit: 0 }, { signal: signal() })).rejects.toThrow(/"limit" must be/)
    })
  })

  describe('latency, failure and abort', () => {
    it('rejects with the abort reason when the signal fires during the latency', async () => {
      const adapter = createMemoryAdapter(makeEvents(5), { latency: 10_000 })
      const controller = new AbortController()
      const pending = adapter.listEvents({ limit: 3 }, { signal: controller.signal })
      controller.abort()
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    })

    it('fails the calls the `fail` option picks, then recovers', async () => {
      const adapter = createMemoryAdapter(makeEvents(5), { fail: (_query, call) => call === 1 })
      await expect(adapter.listEvents({ limit: 3 }, { signal: signal() })).rejects.toMatchObject({ code: 'simulated' })
      await expect(adapter.listEvents({ limit: 3 }, { signal: signal() })).resolves.toMatchObject({ total: 5 })
    })
  })

  it('finds one event by id', async () => {
    const adapter = createMemoryAdapter(makeEvents(5))
    await expect(adapter.getEvent('e000003', { signal: signal() })).resolves.toMatchObject({ id: 'e000003' })
    await expect(adapter.getEvent('nope', { signal: signal() })).rejects.toThrow('No event has the id "nope".')
  })

  it('answers a query over 100,000 events correctly', async () => {
    const adapter = createMemoryAdapter(makeEvents(100_000))
    const page = await adapter.listEvents(
      { limit: 50, from: '2026-01-01T10:00:00.000Z', to: '2026-01-01T11:00:00.000Z', filters: { action: ['save'] } },
      { signal: signal() },
    )
    expect(page.total).toBe(30)
    expect(page.events[0]?.createdAt).toBe('2026-01-01T10:58:00.000Z')
  })
})
