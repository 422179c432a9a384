import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvents } from '../../test/support/events'
import { hostQueryClient } from '../../test/support/queryWrapper'
import { useNewEventCount } from './useNewEventCount'

describe('useNewEventCount', () => {
  it('counts events newer than the newest loaded one, after one interval', async () => {
    const events = makeEvents(10)
    const adapter = createMemoryAdapter(events)
    const newest = events[6]
    const search = { sort: { key: 'createdAt', direction: 'desc' as const } }
    const { wrapper } = hostQueryClient()
    const { result } = renderHook(() => useNewEventCount({ adapter, search, newest, interval: 50, pageSize: 50 }), { wrapper })
    expect(result.current).toEqual({ count: 0, more: false })
    await waitFor(() => expect(result.current).toEqual({ count: 3, more: false }))
  })

  it.each([
    ['another order', { sort: { key: 'action', direction: 'asc' as const } }, 20],
    ['no interval', { sort: { key: 'createdAt', direction: 'desc' as const } }, undefined],
  ])('asks nothing and counts nothing with %s', async (_case, search, interval) => {
    const events = makeEvents(10)
    const adapter = createMemoryAdapter(events)
    const listEvents = vi.spyOn(adapter, 'listEvents')
    const { wrapper } = hostQueryClient()
    // Time made by the test: ten minutes pass at once, so a poll at any interval would have asked.
    vi.useFakeTimers()
    try {
      const { result } = renderHook(() => useNewEventCount({ adapter, search, newest: events[6], interval, pageSize: 50 }), { wrapper })
      await vi.advanceTimersByTimeAsync(600_000)
      expect(listEvents).not.toHaveBeenCalled()
      expect(result.current).toEqual({ count: 0, more: false })
    } finally {
      vi.useRealTimers()
    }
  })
})
