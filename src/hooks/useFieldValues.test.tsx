import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../adapter/types'
import { makeEvents } from '../../test/support/events'
import { hostQueryClient } from '../../test/support/queryWrapper'
import { useFieldValues } from './useFieldValues'

describe('useFieldValues', () => {
  it("counts a field's values among the search's events, most frequent first, under the tenant's key prefix", async () => {
    const events = makeEvents(12)
    const adapter = createMemoryAdapter(events)
    const { client, wrapper } = hostQueryClient()
    const { result } = renderHook(() => useFieldValues({ adapter, tenantId: 'acme', key: 'action', search: {}, limit: 50 }), { wrapper })
    await waitFor(() => expect(result.current.values).toBeDefined())
    const expected = new Map<string, number>()
    for (const { action } of events) expected.set(String(action), (expected.get(String(action)) ?? 0) + 1)
    const counted = result.current.values?.values ?? []
    expect(new Map(counted.map((entry) => [entry.value, entry.count]))).toEqual(expected)
    expect(counted.map((entry) => entry.count)).toEqual([...counted.map((entry) => entry.count)].sort((a, b) => b - a))
    expect(client.getQueryCache().findAll({ queryKey: ['react-audit-logs'] }).length).toBe(1)
  })

  it('reports an answer that fails its check as failed, never as values', async () => {
    const adapter: AuditLogsAdapter = {
      listEvents: () => Promise.resolve({ events: [], nextCursor: null }),
      listFieldValues: () => Promise.resolve({ values: [{ value: 'x', count: -1 }], more: false }),
    }
    const { wrapper } = hostQueryClient()
    const { result } = renderHook(() => useFieldValues({ adapter, tenantId: undefined, key: 'action', search: {}, limit: 50 }), { wrapper })
    await waitFor(() => expect(result.current.failed).toBe(true))
    expect(result.current.values).toBeUndefined()
    expect(result.current.error).toBeInstanceOf(Error)
  })

  it('asks nothing of an adapter that cannot count values, or for no key', () => {
    const { wrapper } = hostQueryClient()
    const adapter: AuditLogsAdapter = { listEvents: () => Promise.resolve({ events: [], nextCursor: null }) }
    const { result } = renderHook(() => useFieldValues({ adapter, tenantId: undefined, key: 'action', search: {}, limit: 50 }), { wrapper })
    expect(result.current).toMatchObject({ counts: false, failed: false, values: undefined })
  })
})
