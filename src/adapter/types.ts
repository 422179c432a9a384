import type { AuditEvent, AuditField, AuditPage, AuditQuery } from '../core/types'

/** Every adapter call receives a signal; it fires when the viewer no longer needs the answer. */
export interface AdapterCallOptions {
  signal: AbortSignal
}

/**
 * Where the viewer gets its data. A plain object: write your own for any backend, or use
 * `createMemoryAdapter` / `createFetchAdapter`.
 */
export interface AuditLogsAdapter<TEvent extends AuditEvent = AuditEvent> {
  /** One page of events matching the query. */
  listEvents(query: AuditQuery, options: AdapterCallOptions): Promise<AuditPage<TEvent>>
  /** The full record of one event, when list responses are summaries. */
  getEvent?(id: string, options: AdapterCallOptions): Promise<TEvent>
  /** The stored data structure. */
  loadFieldConfig?(options: AdapterCallOptions): Promise<AuditField[]>
  /** Stores the data structure. */
  saveFieldConfig?(fields: AuditField[], options: AdapterCallOptions): Promise<void>
}
