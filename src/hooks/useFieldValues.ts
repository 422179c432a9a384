import { useQuery } from '@tanstack/react-query'

import { callOptions, type AuditLogsAdapter } from '../adapter/types'
import { validateFieldValues } from '../adapter/validateFieldValues'
import type { AuditEvent, AuditSearch, FieldValues } from '../core/types'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'

export interface UseFieldValuesOptions<TEvent extends AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  tenantId: string | undefined
  /** The key the adapter is asked for (a field's `filterKey`, else its key); `''` asks nothing. */
  key: string
  /** The search whose events are counted (without the field's own filter, so its other values show too). */
  search: AuditSearch
  /** The most values asked for. */
  limit: number
}

export interface UseFieldValuesResult {
  /** The adapter's values with their counts, checked; `undefined` until they come or without `listFieldValues`. */
  values: FieldValues | undefined
  /** Why the values could not be had (the adapter's error, or the check's), for the host's `onError`. */
  error: unknown
  failed: boolean
  pending: boolean
  /** Whether the adapter can count values at all (`listFieldValues`). */
  counts: boolean
}

/**
 * The values of one field among a search's events, with counts, through the adapter's optional
 * `listFieldValues`: checked like every answer (a host's own adapter is as untrusted as a server), under the
 * adapter's and tenant's key prefix so a host's invalidation reaches it.
 */
export function useFieldValues<TEvent extends AuditEvent>(options: UseFieldValuesOptions<TEvent>): UseFieldValuesResult {
  const { adapter, tenantId, key, search, limit } = options
  const counts = typeof adapter.listFieldValues === 'function'
  const query = useQuery({
    queryKey: auditQueryKeys.fieldValues(adapter, tenantId, key, search, limit),
    queryFn: async ({ signal }) => {
      if (!adapter.listFieldValues) throw new Error('unreachable: the query is disabled')
      return validateFieldValues(await adapter.listFieldValues({ key, search, limit }, callOptions(signal, tenantId)), limit)
    },
    enabled: counts && key !== '',
    ...viewerQueryOptions,
  })
  return { values: query.data, error: query.error, failed: query.isError, pending: query.isPending, counts }
}
