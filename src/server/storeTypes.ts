import type { Pool } from 'pg'

import type { AuditEvent, AuditField, AuditSearch, FieldValues, FieldValuesRequest } from '../core/types'
import type { Histogram, HistogramRequest } from '../core/histogram'
import type { IntegrityReport } from '../core/integrity'
import type { AuditEventInput, EventRow } from './ingest/checkEvent'
import type { IngestKeyInfo, NewIngestKey } from './store/ingestKeys'
import type { SavedViewStore } from './store/savedViews'
import type { IntegrityRange } from './chain/verifyChain'
import type { ExportFacts, ExportManifest } from './chain/exportManifest'
import type { ExportBatch, ExportReadRequest } from './store/exportBatches'
import type { RetentionPolicy, RetentionRun } from './store/retention'

// What the handler needs of a store, beside the handler's own types: `createPostgresStore` is one
// implementation; a test or a host can give another.

/** One page as the store reads it: events and the keyset position after the last one. */
export interface StoredPage {
  events: AuditEvent[]
  /** The key of the last event, when more may follow. */
  nextKey: string[] | null
}

export interface PageRequest {
  search: AuditSearch
  limit: number
  /** The position to continue after (from a cursor). */
  after?: readonly string[]
  /** Paths whose values a text search must not look into (hidden fields). */
  hidden?: readonly (readonly string[])[]
}

export interface InsertResult {
  /** Ids of the events in the request, in order. */
  ids: string[]
  /** How many were new; the rest were stored before (same tenant and id). */
  inserted: number
}

export interface AuditLogStore {
  /** Creates the schema if it is not there yet (idempotent), and the filter indexes of `filterIndexes`. */
  migrate(): Promise<void>
  /** Makes the filter indexes of some field keys that have none yet (concurrently: ingest goes on); resolves once they serve. */
  indexFilters(keys: readonly string[]): Promise<void>
  /** A page of a tenant's events matching a search, after a keyset position. */
  listEvents(tenantId: string, request: PageRequest): Promise<StoredPage>
  /**
   * A tenant's events of a search for an export, in the search's order, in batches read from one snapshot;
   * each event holds only the values at `paths`. Stop iterating to stop reading.
   */
  exportEvents(tenantId: string, request: ExportReadRequest): AsyncIterable<ExportBatch>
  /**
   * How many of a tenant's events match a search, counting no further than `limit`: `exact` is false when more
   * than `limit` match (`count` is then `limit`). Reads at most `limit + 1` matches, whatever the tenant's size.
   */
  countEventsUpTo(
    tenantId: string,
    search: AuditSearch,
    limit: number,
    hidden?: readonly (readonly string[])[],
  ): Promise<{ count: number; exact: boolean }>
  /** How many of a tenant's events match a search. */
  countEvents(tenantId: string, search: AuditSearch, hidden?: readonly (readonly string[])[]): Promise<number>
  getEvent(tenantId: string, id: string): Promise<AuditEvent | null>
  /** The values of one field among a tenant's events of a search, with counts, most frequent first, ignoring case. */
  listFieldValues(tenantId: string, request: FieldValuesRequest & { hidden?: readonly (readonly string[])[] }): Promise<FieldValues>
  /** How many of a tenant's events of a search fall in each bucket between the edges, split by one field. */
  histogram(tenantId: string, request: HistogramRequest & { hidden?: readonly (readonly string[])[] }): Promise<Histogram>
  /** Stores checked events for a tenant; an id stored before is left as it was (idempotent). */
  insertEvents(tenantId: string, rows: readonly EventRow[]): Promise<InsertResult>
  /**
   * Checks and stores what a client sent for a tenant: one event or an array of up to 1,000 (the body of
   * `POST /events`); an `AuditLogRefusal` of kind `'invalid'` (answered 400) names the first problem.
   */
  ingest(tenantId: string, input: unknown): Promise<InsertResult>
  /**
   * Records an event from the host's own code; the event names its tenant. Calls made while an earlier one is
   * being stored are stored together in one transaction (one insert per flush); each resolves after its commit.
   */
  sendAudit(event: AuditEventInput): Promise<{ id: string; inserted: boolean }>
  /**
   * Makes a credential for a producer that is not a browser session (a service, a worker) to `POST /events`
   * for one tenant. The returned `key` is shown this once; only its SHA-256 is stored.
   */
  createIngestKey(tenantId: string, label?: string): Promise<NewIngestKey>
  /** A tenant's ingest keys, revoked ones too, without their secrets. */
  listIngestKeys(tenantId: string): Promise<IngestKeyInfo[]>
  /** Revokes one of a tenant's ingest keys at once; `false` when there is no such live key. */
  revokeIngestKey(tenantId: string, id: string): Promise<boolean>
  /** The tenant an ingest key writes for, or `null` for a malformed, unknown or revoked key. */
  authenticateIngestKey(key: string): Promise<string | null>
  /**
   * The signed manifest of an export's file: its facts, the checkpoint at or after its last event (signed now
   * when none covers it yet) and the store's signature (none without `checkpoints`).
   */
  exportManifest(tenantId: string, facts: ExportFacts): Promise<ExportManifest>
  /** Recomputes a tenant's hash chain over a range (or all of it) and checks its signed checkpoints. */
  verifyIntegrity(tenantId: string, range?: IntegrityRange): Promise<IntegrityReport>
  /** A tenant's retention period in days and legal hold; `{ days: null, legalHold: false }` (kept for ever) until set. */
  getRetention(tenantId: string): Promise<RetentionPolicy>
  /** Sets a tenant's retention period and/or legal hold (what is not given stays as it was); recorded as an audit event. */
  setRetention(tenantId: string, change: Partial<RetentionPolicy>): Promise<RetentionPolicy>
  /**
   * Removes every tenant's events past its retention period (none of a held tenant), whole months where all of a
   * month's events are due, by range otherwise; each tenant's run is recorded as an audit event of it. Call it
   * on a schedule (daily is enough); see docs/server.md.
   */
  applyRetention(): Promise<RetentionRun[]>
  loadFieldConfig(tenantId: string): Promise<AuditField[] | null>
  saveFieldConfig(tenantId: string, fields: readonly unknown[]): Promise<void>
  /** Saved views per tenant (shared, or kept by one person): the `/views` routes check who may do what first. */
  readonly views: SavedViewStore
  /** The names whose values are secrets anywhere in an event (`sensitiveNames`). */
  readonly sensitiveNames: readonly string[]
  /** The underlying pool, for your own queries. */
  readonly pool: Pool
  /** The pool reads go to: `readPool`, or `pool` without one. */
  readonly readPool: Pool
  /** Closes the pool when the store made it. */
  close(): Promise<void>
}
