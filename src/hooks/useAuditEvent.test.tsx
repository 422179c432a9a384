import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvents } from '../../test/support/events'
import { hostQueryClient } from '../../test/support/queryWrapper'
import { useAuditEvent } from './useAuditEvent'

describe('useAuditEvent', () => {
  it("loads one event's full record through getEvent", async () => {
    const { wrapper } = hostQueryClient()
    const adapter = createMemoryAdapter(makeEvents(3))
    const { result } = renderHook(() => useAuditEvent(adapter, 'e000001'), { wrapper })
    await waitFor(() => expect(result.current.event?.id).toBe('e000001'))
    expect(result.current.error).toBeNull()
  })

  it('says not found without retrying, and does nothing without an id or getEvent', async () => {
    const { wrapper } = hostQueryClient()
    const adapter = createMemoryAdapter(makeEvents(3))
    const missing = renderHook(() => useAuditEvent(adapter, 'nope'), { wrapper })
    await waitFor(() => expect(missing.result.current.error).toMatchObject({ code: 'not-found' }))
    const closed = renderHook(() => useAuditEvent(adapter, null), { wrapper })
    const listOnlyAdapter = { listEvents: adapter.listEvents.bind(adapter) }
    const listOnly = renderHook(() => useAuditEvent(listOnlyAdapter, 'e000001'), { wrapper })
    expect(closed.result.current.isLoading).toBe(false)
    expect(listOnly.result.current.isLoading).toBe(false)
    expect(listOnly.result.current.event).toBeUndefined()
  })
})
