import { focusManager } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import { AuditLogsError } from '../adapter/errors'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../adapter/types'
import { makeEvents } from '../../test/support/events'
import { hostQueryClient } from '../../test/support/queryWrapper'
import { auditQueryKeys } from './queryKeys'
import { useAuditEvents } from './useAuditEvents'

describe('useAuditEvents against a backend that cannot be trusted (fuzzed)', () => {
  const FROM = Date.UTC(2026, 0, 1)
  const TO = Date.UTC(2026, 1, 1)
  const search = { from: new Date(FROM).toISOString(), to: new Date(TO).toISOString() }
  // Pages replayed without end: any size, any of four cursors or none, any total, times in and out of the range.
  const page = fc.record({
    times: fc.array(fc.integer({ min: FROM - 10 * 86_400_000, max: TO + 10 * 86_400_000 }), { maxLength: 4 }),
    next: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }),
    total: fc.option(fc.nat(30), { nil: undefined }),
  })

  it('ends within a bounded number of requests and shows only what it can believe', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 8 }), async (pages) => {
        let calls = 0
        let deliveredOutside = 0
        const outside = (ms: number) => ms < FROM || ms >= TO
        const adapter: AuditLogsAdapter = {
          listEvents: async () => {
            const { times, next, total } = pages[calls % pages.length] as (typeof pages)[number]
            calls += 1
            deliveredOutside += times.filter(outside).length
            const events = times.map((ms, index) => ({ id: `p${String(calls)}-${String(index)}`, createdAt: new Date(ms).toISOString() }))
            return { events, nextCursor: next, ...(total === undefined ? {} : { total }) }
          },
        }
        const { wrapper } = hostQueryClient()
        const { result, unmount } = renderHook(() => useAuditEvents({ adapter, search, pageSize: 4 }), { wrapper })
        await waitFor(() => expect(result.current.status).toBe('success'))
        // Keep asking for more, as a person scrolling to the end would.
        for (let asks = 0; asks < 12 && result.current.hasNextPage; asks += 1) {
          await act(async () => {
            await result.current.fetchNextPage()
          })
        }
        expect(calls).toBeLessThanOrEqual(5)
        const { events, total, outsideRange } = result.current
        for (const event of events) {
          const ms = Date.parse(event.createdAt as string)
          expect(ms >= FROM && ms < TO).toBe(true)
        }
        // A count is never below what is shown, and once everything is in it is what is shown.
        if (total !== undefined) expect(total).toBeGreaterThanOrEqual(events.length)
        if (!result.current.hasNextPage && !result.current.pagingStop && total !== undefined) expect(total).toBe(events.length)
        // Every event left out is counted: at least those of the first page (always read), at most all delivered.
        expect(outsideRange).toBeGreaterThanOrEqual((pages[0] as (typeof pages)[number]).times.filter(outside).length)
        expect(outsideRange).toBeLessThanOrEqual(deliveredOutside)
        unmount()
      }),
      { numRuns: 60 },
    )
  })
})

describe('useAuditEvents', () => {
  it('reads on while the backend offers pages, whatever its total says: a contradicted total is a hint', async () => {
    let calls = 0
    // 30 pages of 10 distinct events, each claiming a total of 10: the old guard stopped after 2 × 1 + 2 pages.
    const adapter: AuditLogsAdapter = {
      listEvents: async () => {
        calls += 1
        const events = makeEvents(10, Date.UTC(2026, 0, 1) - calls * 36_000_000).map((event) => ({ ...event, id: `${String(calls)}-${event.id}` }))
        return { events, total: 10, nextCursor: calls < 30 ? `c${String(calls)}` : null }
      },
    }
    const { wrapper } = hostQueryClient()
    const { result } = renderHook(() => useAuditEvents({ adapter, search: {}, pageSize: 10 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    for (let asks = 0; asks < 40 && result.current.hasNextPage; asks += 1) {
      await act(async () => {
        await result.current.fetchNextPage()
      })
    }
    await waitFor(() => expect(result.current.hasNextPage).toBe(false))
    expect(calls).toBe(30)
    expect(result.current.pagingStop).toBeUndefined()
    expect(result.current.events).toHaveLength(300)
  })

  it('loads a search page by page through the adapter, and reports the total', async () => {
    const adapter = createMemoryAdapter(makeEvents(25))
    const { wrapper } = hostQueryClient()
    const search = { filters: { action: ['save'] } }
    const { result } = renderHook(() => useAuditEvents({ adapter, search, pageSize: 5 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    expect(result.current.events).toHaveLength(5)
    expect(result.current.total).toBe(13)
    expect(result.current.hasNextPage).toBe(true)
    let loaded: unknown[] = []
    await act(async () => {
      loaded = await result.current.fetchNextPage()
    })
    expect(loaded).toHaveLength(10)
    // React Query tells its observers on its next tick.
    await waitFor(() => expect(result.current.events).toEqual(loaded))
  })

  it('asks for the next page once when asked twice before it arrives (a scroll and a render)', async () => {
    const memory = createMemoryAdapter(makeEvents(25))
    const listEvents = vi.fn<AuditLogsAdapter['listEvents']>((query, options) => memory.listEvents(query, options))
    const adapter = { listEvents }
    const { wrapper } = hostQueryClient()
    const search = {}
    const { result } = renderHook(() => useAuditEvents({ adapter, search, pageSize: 5 }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('success'))
    await act(async () => {
      await Promise.all([result.current.fetchNextPage(), result.current.fetchNextPage()])
    })
    expect(listEvents).toHaveBeenCalledTimes(2)
    await waitFor(() => expect(result.current.events).toHaveLength(10))
  })

  it('fetches nothing when disabled', async () => {
    const listEvents = vi.fn<AuditLogsAdapter['listEvents']>()
    const adapter = { listEvents }
    const { wrapper } = hostQueryClient()
    // Time made by the test: a minute passes at once, so a delayed or retried fetch would have run.
    vi.useFakeTimers()
    try {
      const { result } = renderHook(() => useAuditEvents({ adapter, search: {}, enabled: false }), { wrapper })
      await vi.advanceTimersByTimeAsync(60_000)
      expect(listEvents).not.toHaveBeenCalled()
      expect(result.current.status).toBe('pending')
    } finally {
      vi.useRealTimers()
    }
  })

  it("keeps the viewer's retry rules and focus behaviour in a host's QueryClient", async () => {
    const listEvents = vi.fn<AuditLogsAdapter['listEvents']>().mockRejectedValue(new AuditLogsError('http', 'Forbidden', { status: 403 }))
    const adapter = { listEvents }
    const { wrapper } = hostQueryClient()
    const { result } = renderHook(() => useAuditEvents({ adapter, search: {} }), { wrapper })
    await waitFor(() => expect(result.current.status).toBe('error'))
    // The host's client retries three times; a 403 is never retried by the viewer.
    expect(listEvents).toHaveBeenCalledTimes(1)
    // Time made by the test: a minute passes at once, longer than the host's retry delays (1 s, 2 s, 4 s).
    vi.useFakeTimers()
    try {
      act(() => {
        focusManager.setFocused(false)
        focusManager.setFocused(true)
      })
      await vi.advanceTimersByTimeAsync(60_000)
      expect(listEvents).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
      focusManager.setFocused(undefined)
    }
  })

  it('keys each search under its adapter and tenant, so a host invalidates one tenant of one adapter and nothing else', async () => {
    const spied = () => {
      const adapter = createMemoryAdapter(makeEvents(3))
      return { adapter, listEvents: vi.spyOn(adapter, 'listEvents') }
    }
    const first = spied()
    const second = spied()
    const { client, wrapper } = hostQueryClient()
    const loads = [
      { ...first, tenantId: 'acme' },
      { ...first, tenantId: 'globex' },
      { ...second, tenantId: 'acme' },
    ].map(({ adapter, tenantId }) => renderHook(() => useAuditEvents({ adapter, search: { search: 'x' }, tenantId }), { wrapper }))
    for (const { result } of loads) await waitFor(() => expect(result.current.status).toBe('success'))
    expect([first.listEvents.mock.calls.length, second.listEvents.mock.calls.length]).toEqual([2, 1])

    await act(() => client.invalidateQueries({ queryKey: auditQueryKeys.all(first.adapter, 'acme') }))
    // Only the first adapter's "acme" search asked again: not its "globex" one, not the other adapter's "acme".
    await waitFor(() => expect(first.listEvents).toHaveBeenCalledTimes(3))
    expect(first.listEvents.mock.calls.map(([, options]) => options.tenantId)).toEqual(['acme', 'globex', 'acme'])
    expect(second.listEvents).toHaveBeenCalledTimes(1)
  })
})
