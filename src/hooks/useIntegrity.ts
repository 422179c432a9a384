import { useQuery } from '@tanstack/react-query'

import { type AuditLogsAdapter, callOptions } from '../adapter/types'
import { validateIntegrity } from '../adapter/validateIntegrity'
import type { IntegrityReport, IntegrityRequest } from '../core/integrity'
import type { AuditEvent } from '../core/types'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'

export interface UseIntegrityResult {
  /** Whether the adapter can verify at all; without it, show nothing. */
  supported: boolean
  report: IntegrityReport | undefined
  isLoading: boolean
  error: Error | null
  retry: () => void
}

/**
 * The adapter's integrity check of a range (the viewer's `from`/`to`) or of one event (`eventId`). Does nothing
 * for an adapter without `verifyIntegrity`, or while `request` is `null`. The answer is checked here too, so a
 * host's own adapter cannot show a "verified" it did not prove.
 */
export function useIntegrity<TEvent extends AuditEvent>(
  adapter: AuditLogsAdapter<TEvent>,
  request: IntegrityRequest | null,
  tenantId?: string,
): UseIntegrityResult {
  const supported = typeof adapter.verifyIntegrity === 'function'
  const query = useQuery<IntegrityReport>({
    queryKey: auditQueryKeys.integrity(adapter, tenantId, request ?? {}),
    queryFn: async ({ signal }) => {
      if (!adapter.verifyIntegrity || request === null) throw new Error('unreachable: the query is disabled')
      return validateIntegrity(await adapter.verifyIntegrity(request, callOptions(signal, tenantId)))
    },
    enabled: supported && request !== null,
    ...viewerQueryOptions,
  })
  return { supported, report: query.data, isLoading: query.isLoading, error: query.error, retry: () => void query.refetch() }
}
