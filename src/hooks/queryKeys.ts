import { retryDelay, shouldRetry } from '../adapter/retryPolicy'
import type { IntegrityRequest } from '../core/integrity'
import type { AuditSearch } from '../core/types'
import { adapterKey } from './adapterKey'

/**
 * Every query key of the viewer, from one place: `['react-audit-logs', adapter, tenant, kind, …]`, so a
 * host can invalidate one search, one tenant or everything of one adapter with a key prefix.
 */
export const auditQueryKeys = {
  /** Everything of one adapter and tenant. */
  all: (adapter: object, tenantId: string | undefined) => ['react-audit-logs', adapterKey(adapter), tenantId ?? null] as const,
  /** The pages of one search. */
  events: (adapter: object, tenantId: string | undefined, search: AuditSearch, pageSize: number) =>
    [...auditQueryKeys.all(adapter, tenantId), 'events', search, pageSize] as const,
  /** One event's full record (`getEvent`). */
  event: (adapter: object, tenantId: string | undefined, id: string | null) => [...auditQueryKeys.all(adapter, tenantId), 'event', id] as const,
  /** The peek at a search's newest events while polling. */
  newEvents: (adapter: object, tenantId: string | undefined, search: AuditSearch, since: number | null, pageSize: number) =>
    [...auditQueryKeys.all(adapter, tenantId), 'new-events', search, since, pageSize] as const,
  /** An integrity check of a range or of one event (`verifyIntegrity`). */
  integrity: (adapter: object, tenantId: string | undefined, request: IntegrityRequest) =>
    [...auditQueryKeys.all(adapter, tenantId), 'integrity', request] as const,
  /** The values of one field among a search's events, with counts (`listFieldValues`). */
  fieldValues: (adapter: object, tenantId: string | undefined, key: string, search: AuditSearch, limit: number) =>
    [...auditQueryKeys.all(adapter, tenantId), 'field-values', key, search, limit] as const,
  /** The exact count of one search, asked for on demand (`countEvents`). */
  count: (adapter: object, tenantId: string | undefined, search: AuditSearch) => [...auditQueryKeys.all(adapter, tenantId), 'count', search] as const,
  /** The stored data structure. */
  fieldConfig: (adapter: object, tenantId: string | undefined) => [...auditQueryKeys.all(adapter, tenantId), 'field-config'] as const,
}

/**
 * Set on each of the viewer's queries, so they behave the same in the viewer's own QueryClient and in a
 * host's: retries only where they may help (0.5 s, then 1 s), and no refetch when the window regains focus
 * (an audit log does not jump under its reader).
 */
export const viewerQueryOptions = { retry: shouldRetry, retryDelay, refetchOnWindowFocus: false } as const
