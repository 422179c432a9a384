import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'

import { type AuditLogsAdapter, callOptions } from '../adapter/types'
import { AuditLogsError } from '../adapter/errors'
import type { AuditEvent, AuditSearch } from '../core/types'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'

export interface UseExactCountResult {
  /** Asks the adapter for the exact number; `undefined` when it cannot count (no `countEvents`). */
  request: (() => void) | undefined
  /** The exact number of the search's events, once counted. */
  count: number | undefined
  isCounting: boolean
  error: Error | null
}

/**
 * The exact number of a search's events, counted only when asked (`request`): a count that reads every match
 * is the person's choice, never the viewer's. A new search forgets the request; a count answered before for
 * the same search is shown again at once. The answer is checked: only a whole number counts.
 */
export function useExactCount<TEvent extends AuditEvent>(
  adapter: AuditLogsAdapter<TEvent>,
  search: AuditSearch,
  tenantId?: string,
): UseExactCountResult {
  const [requestedFor, setRequestedFor] = useState<AuditSearch | null>(null)
  const supported = typeof adapter.countEvents === 'function'
  const query = useQuery<number>({
    queryKey: auditQueryKeys.count(adapter, tenantId, search),
    queryFn: async ({ signal }) => {
      if (!adapter.countEvents) throw new Error('unreachable: the query is disabled')
      const count = await adapter.countEvents(search, callOptions(signal, tenantId))
      if (!Number.isSafeInteger(count) || count < 0) throw new AuditLogsError('malformed-response', 'The adapter counted no whole number of events.')
      return count
    },
    enabled: supported && requestedFor === search,
    ...viewerQueryOptions,
  })
  return {
    request: supported ? () => (requestedFor === search ? void query.refetch() : setRequestedFor(search)) : undefined,
    count: query.data,
    isCounting: query.isFetching,
    error: query.error,
  }
}
