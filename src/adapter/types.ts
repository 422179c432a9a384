import type { IntegrityReport, IntegrityRequest } from '../core/integrity'
import type { Histogram, HistogramRequest } from '../core/histogram'
import type { QueryCapabilities } from '../core/queryable'
import type { SavedView, SavedViewInput } from '../core/savedViews'
import type { AuditEvent, AuditField, AuditPage, AuditQuery, AuditSearch, FieldValues, FieldValuesRequest } from '../core/types'

/** What the viewer asks of a server-side CSV export: the search and the columns to write. */
export interface ServerExportRequest {
  /** The search, its open end pinned to the moment the export started. */
  query: AuditSearch
  /** The exported fields in order: `key` is the dot path, `label` the CSV header. */
  columns: Array<{ key: string; label: string }>
  /** The zone the viewer shows times in. */
  timeZone: string | undefined
  /** The file name the viewer would use. */
  fileName: string
}

/** A file the server made: a URL to download, a Blob, or a stream of CSV bytes. */
export type ServerExport = { url: string } | { blob: Blob } | { stream: ReadableStream<Uint8Array> }

/** Every adapter call receives a signal (it fires when the viewer no longer needs the answer) and the tenant. */
export interface AdapterCallOptions {
  signal: AbortSignal
  /** The tenant (customer) whose log this is, when the viewer is given one (`tenantId` prop). */
  tenantId?: string
}

/** The options of one adapter call. */
export function callOptions(signal: AbortSignal, tenantId: string | undefined): AdapterCallOptions {
  return tenantId === undefined ? { signal } : { signal, tenantId }
}

/**
 * Where the viewer gets its data. A plain object: write your own for any backend, or use
 * `createMemoryAdapter` / `createFetchAdapter`. It may declare what it can sort and filter by
 * (`sortableKeys`, `filterableKeys`, `derivedKeys`): the viewer then offers only those.
 */
export interface AuditLogsAdapter<TEvent extends AuditEvent = AuditEvent> extends QueryCapabilities {
  /** One page of events matching the query. */
  listEvents(query: AuditQuery, options: AdapterCallOptions): Promise<AuditPage<TEvent>>
  /**
   * The exact number of a search's events, asked for on demand when a page gave only `totalAtLeast` (the viewer
   * then offers "Count all"). Without it a bounded count stays "10,000+ events".
   */
  countEvents?(search: AuditSearch, options: AdapterCallOptions): Promise<number>
  /** The full record of one event, when list responses are summaries. */
  getEvent?(id: string, options: AdapterCallOptions): Promise<TEvent>
  /** The stored data structure. */
  loadFieldConfig?(options: AdapterCallOptions): Promise<AuditField[]>
  /** Stores the data structure. */
  saveFieldConfig?(fields: AuditField[], options: AdapterCallOptions): Promise<void>
  /**
   * The values of one field among a search's events with their counts, most frequent first, told apart
   * ignoring case: the filter form offers them. Without it the form suggests values from the loaded events.
   */
  listFieldValues?(request: FieldValuesRequest, options: AdapterCallOptions): Promise<FieldValues>
  /**
   * How many of a search's events fall in each bucket of time (edges given by the viewer, in its zone), split
   * by one field's values: the timeline above the table draws it. Without it there is no timeline.
   */
  histogram?(request: HistogramRequest, options: AdapterCallOptions): Promise<Histogram>
  /** The saved views the person may use: their own and the tenant's shared ones. With it the viewer offers Views. */
  listViews?(options: AdapterCallOptions): Promise<SavedView[]>
  /** Stores a new view (no `id`) or a view's new state (its name, default); answers with the view as stored. */
  saveView?(view: SavedViewInput, options: AdapterCallOptions): Promise<SavedView>
  deleteView?(id: string, options: AdapterCallOptions): Promise<void>
  /**
   * Exports on the server (a URL, a Blob or a stream). When present, "Download CSV" of all matching events
   * uses it instead of paging through `listEvents`; an async export job can be polled inside it.
   */
  exportCsv?(request: ServerExportRequest, options: AdapterCallOptions): Promise<ServerExport>
  /**
   * One value the backend hid (`{ $hidden }`) at `path` of an event, for a person allowed to see it: the
   * backend records the reveal. With it (and `canReveal`), the drawer offers Reveal beside each hidden value.
   */
  revealValue?(eventId: string, path: string, options: AdapterCallOptions): Promise<unknown>
  /**
   * Verifies the log's hash chain over a range (the viewer's `from`/`to`) or for one event (`eventId`, for the
   * drawer): the viewer shows "Verified through …" or an alarm naming the altered event. Without it the viewer
   * shows nothing about integrity.
   */
  verifyIntegrity?(request: IntegrityRequest, options: AdapterCallOptions): Promise<IntegrityReport>
}
