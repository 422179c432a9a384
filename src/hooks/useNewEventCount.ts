import { useQuery } from '@tanstack/react-query'

import { type AuditLogsAdapter, callOptions } from '../adapter/types'
import { validatePage } from '../adapter/validate'
import { toEpochMs } from '../core/time'
import type { AuditEvent, AuditSearch } from '../core/types'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'

export interface NewEventCount {
  /** Events newer than the newest loaded one. */
  count: number
  /** Whether there are more than `count` (the peek was a full page). */
  more: boolean
}

/**
 * Polls the first page of the current search every `interval` ms and counts events newer than the newest
 * loaded one, so the viewer can offer "N new events" instead of moving the list under the reader.
 * Only newest-first searches can be counted this way; other orders give 0.
 */
export function useNewEventCount<TEvent extends AuditEvent>(options: {
  adapter: AuditLogsAdapter<TEvent>
  search: AuditSearch
  newest: TEvent | undefined
  interval: number | undefined
  pageSize: number
  tenantId?: string | undefined
}): NewEventCount {
  const { adapter, search, newest, interval, pageSize, tenantId } = options
  const newestFirst = search.sort?.key === 'createdAt' && search.sort.direction === 'desc'
  const since = newest ? toEpochMs(newest.createdAt) : null
  const enabled = interval !== undefined && interval > 0 && newestFirst && since !== null
  const query = useQuery({
    queryKey: auditQueryKeys.newEvents(adapter, tenantId, search, since, pageSize),
    queryFn: async ({ signal }) => validatePage(await adapter.listEvents({ ...search, limit: pageSize }, callOptions(signal, tenantId))),
    enabled,
    refetchInterval: enabled ? interval : false,
    // The first answer holds nothing new: wait one interval before the first look.
    initialData: enabled ? { events: [] } : undefined,
    initialDataUpdatedAt: Date.now,
    ...viewerQueryOptions,
    // The next poll is the retry.
    retry: false,
  })
  if (!enabled || !query.data) return { count: 0, more: false }
  const fresh = query.data.events.filter((event) => (toEpochMs(event.createdAt) ?? -Infinity) > since && event.id !== newest?.id)
  return { count: fresh.length, more: fresh.length >= pageSize }
}
