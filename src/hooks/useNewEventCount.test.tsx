import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvents } from '../test-utils/events'
import { hostQueryClient } from '../test-utils/queryWrapper'
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

  it('counts nothing for other orders, or without an interval', async () => {
    const events = makeEvents(10)
    const adapter = createMemoryAdapter(events)
    const search = { sort: { key: 'action', direction: 'asc' as const } }
    const { wrapper } = hostQueryClient()
    const { result } = renderHook(() => useNewEventCount({ adapter, search, newest: events[0], interval: 20, pageSize: 50 }), { wrapper })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(result.current).toEqual({ count: 0, more: false })
  })
})
