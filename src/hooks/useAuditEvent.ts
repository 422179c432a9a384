import { useQuery } from '@tanstack/react-query'

import { type AuditLogsAdapter, callOptions } from '../adapter/types'
import { validateEvent } from '../adapter/validate'
import type { AuditEvent } from '../core/types'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'

export interface UseAuditEventResult<TEvent extends AuditEvent> {
  /** The full record, once loaded. */
  event: TEvent | undefined
  isLoading: boolean
  error: Error | null
  retry: () => void
}

/**
 * The full record of one event through the adapter's `getEvent`, for adapters whose list responses are
 * summaries. Does nothing when the adapter has no `getEvent` or `id` is `null`.
 */
export function useAuditEvent<TEvent extends AuditEvent>(
  adapter: AuditLogsAdapter<TEvent>,
  id: string | null,
  tenantId?: string,
): UseAuditEventResult<TEvent> {
  const enabled = typeof adapter.getEvent === 'function' && id !== null
  const query = useQuery<TEvent>({
    queryKey: auditQueryKeys.event(adapter, tenantId, id),
    queryFn: async ({ signal }) => {
      if (!adapter.getEvent || id === null) throw new Error('unreachable: the query is disabled')
      return validateEvent(await adapter.getEvent(id, callOptions(signal, tenantId))) as TEvent
    },
    enabled,
    ...viewerQueryOptions,
  })
  return {
    event: query.data,
    isLoading: query.isLoading,
    error: query.error,
    retry: () => void query.refetch(),
  }
}
