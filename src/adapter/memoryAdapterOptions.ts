// What a host can set on the memory adapter, and what the adapter it makes always has.
import type { SavedView } from '../core/savedViews'
import type { SensitiveKind } from '../core/sensitive'
import type { AuditEvent, AuditField, AuditQuery, AuditSort, TimeFormat } from '../core/types'
import type { ChainLink } from '../core/integrityChain'
import type { AuditLogsAdapter } from './types'

export interface MemoryAdapterOptions<TEvent extends AuditEvent = AuditEvent> {
  /** Simulated latency of every call in milliseconds. Defaults to `0`. */
  latency?: number
  /**
   * Simulates failures: return `true` (or your own Error) to make that `listEvents` call reject.
   * `call` counts from 1, so `(_, call) => call === 1` fails once and then recovers.
   */
  fail?: (query: AuditQuery, call: number) => boolean | Error
  /** The order when a query has no `sort`. Defaults to newest first. */
  defaultSort?: AuditSort
  /**
   * Keeps a data structure in memory (`loadFieldConfig` / `saveFieldConfig`): `[]` starts with nothing
   * stored. Leave it out for an adapter without field storage.
   */
  fieldConfig?: AuditField[]
  /**
   * The dot path of each event's tenant. When set, a call with a `tenantId` sees only that tenant's events
   * (as a multi-tenant backend would). Leave it out to ignore tenants.
   */
  tenantKey?: string
  /**
   * The viewer's fields, for those with a `value` accessor: filters and sorts by their keys evaluate the
   * accessor, as the cells do, and the viewer offers them (`derivedKeys`). Without them, a derived field is
   * neither sortable nor filterable unless it names a `sortKey` / `filterKey`.
   */
  fields?: readonly AuditField<TEvent>[]
  /** How the events' `createdAt` is written, when not ISO-8601 or epoch ms (see `normaliseTime`). Defaults to `'iso'`. */
  timeFormat?: TimeFormat
  /**
   * Counts as a large backend does: beyond this many matches a page says `totalAtLeast` instead of `total`, and
   * `countEvents` gives the exact number on demand. Leave it out to always answer `total`.
   */
  countLimit?: number
  /**
   * Hides sensitive values as `react-audit-logs/server` does, for hosts without it: the fields marked
   * `sensitive` and secret-looking names (`names`, default `DEFAULT_SENSITIVE_NAMES`) show as `{ $hidden }`,
   * and search never matches inside them. `revealValue` answers one value and records the reveal in this log
   * as an event of `actor`. Leave it out to show everything.
   */
  sensitive?: {
    fields: ReadonlyArray<{ key: string; sensitive?: boolean | SensitiveKind | undefined }>
    names?: readonly string[]
    actor?: Record<string, unknown>
  }
  /**
   * The log's hash chain, made by `chainEvents(events)` when the events were stored (a promise is fine): the
   * adapter then verifies the events it holds now against it (`verifyIntegrity`), so a changed or removed
   * event raises the viewer's alarm. Leave it out for an adapter without integrity.
   */
  chain?: readonly ChainLink[] | Promise<readonly ChainLink[]>
  /** Keeps saved views in memory, per tenant, each tenant starting with these (`[]`: none). Leave it out for an adapter without views. */
  views?: readonly SavedView[]
}

/** A memory adapter always has `getEvent`, `listFieldValues`, `histogram` and `countEvents`, and applies `exclude`. */
export type MemoryAdapter<TEvent extends AuditEvent> = AuditLogsAdapter<TEvent> &
  Required<Pick<AuditLogsAdapter<TEvent>, 'getEvent' | 'listFieldValues' | 'histogram' | 'countEvents' | 'supportsExclude'>>
