// How a host points the fetch adapter at its API and maps that API's answers.
import type { AuditQuery, TimeFormat } from '../core/types'
import type { ServerExportRequest } from './types'

/** What a list response maps to before it is checked. */
export interface UncheckedPage {
  events: unknown
  nextCursor?: unknown
  total?: unknown
  totalAtLeast?: unknown
}

export interface FetchAdapterOptions {
  /** Where the API lives, e.g. `/api/audit-logs` or `https://api.example.com/v1/audit`. */
  baseUrl: string
  /** Request headers, or a function that returns them (called on every request: fresh auth tokens). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>)
  /** The header that carries the viewer's `tenantId`, when it has one. Defaults to `x-tenant-id`. */
  tenantHeader?: string
  /** Sent as `fetch`'s `credentials`, e.g. `'include'` for cookie sessions on another origin. */
  credentials?: RequestCredentials
  /** Your own `fetch`, e.g. one with retries or tracing. Defaults to the global `fetch`. */
  fetch?: typeof fetch
  /** Path and query string of a list request, relative to `baseUrl`. Defaults to the REST contract. */
  listPath?: (query: AuditQuery) => string
  /**
   * The whole list request, for APIs whose list is a `POST` with a JSON body (Google Cloud Logging's
   * `entries:list`): `(query) => ({ path: '/entries:list', method: 'POST', body: { filter, pageToken: query.cursor } })`.
   * Used instead of `listPath`.
   */
  listRequest?: (query: AuditQuery) => { path: string; method?: 'GET' | 'POST'; body?: unknown }
  /**
   * Maps a list response to a page. Defaults to reading `{ events, nextCursor, total }`. The response is given
   * too, for APIs that page in headers (Okta's and GitHub's `Link: <…>; rel="next"`); its body is already read.
   */
  parseList?: (body: unknown, query: AuditQuery, response: Response) => UncheckedPage
  /**
   * Path of a single-event request. Defaults to `/events/{id}`. `false` for an API without one (GitHub's audit
   * log): the drawer shows the event as the list delivered it.
   */
  eventPath?: ((id: string) => string) | false
  /** Maps a single-event response body to the event. Defaults to the body itself. */
  parseEvent?: (body: unknown) => unknown
  /**
   * Turns on server-side CSV export: the request that makes the file, e.g.
   * `(request) => ({ path: '/audits/export/csv', method: 'POST', body: { properties: request.columns } })`.
   * The server answers with the CSV itself, or with JSON `{ "url": "…" }` to download from.
   */
  serverExport?: (request: ServerExportRequest) => { path: string; method?: 'GET' | 'POST'; body?: unknown }
  /**
   * Turns on storing the data structure (the settings panel's Save): `GET` reads it (a JSON array of fields;
   * 404 means nothing stored yet), `PUT` writes it. A path relative to `baseUrl`, e.g. `/field-config`.
   */
  fieldConfigPath?: string
  /**
   * Turns on values with counts in the filter form: the path of the REST contract's field-values request
   * (`GET {path}?key=…&limit=…&<the search>` → `{ values: [{ value, count }], complete? }`), e.g.
   * `/field-values`. Without it the form suggests values from the loaded events.
   */
  fieldValuesPath?: string
  /**
   * Turns on the integrity indicator: the path of the server's hash-chain check (`GET {path}?from&to` or
   * `?eventId=…` → `{ verifiedThrough, events, unchained, checkpoint, problem?, event? }`), e.g. `/integrity`.
   */
  integrityPath?: string
  /**
   * Turns on the timeline above the table: the path of the REST contract's histogram request
   * (`GET {path}?edge=…&edge=…&split=<key>&<the search>` → `{ buckets: [{ start, end, count, groups }], before,
   * after, first }`), e.g. `/histogram`. Without it there is no timeline.
   */
  histogramPath?: string
  /**
   * Turns on saved views: `GET {path}` lists them (a JSON array), `POST {path}` stores one (a new view without
   * `id`, or a view's new state) and answers with it, `DELETE {path}?id=…` removes one. E.g. `/views`.
   */
  viewsPath?: string
  /**
   * Set this to `true` when the API applies `exclude.<key>=<value>` ("is not") in its list, its field values
   * and its server export: the viewer then offers "is not". Defaults to `false`, so an API that would ignore
   * the parameter never shows events a person excluded.
   */
  supportsExclude?: boolean
  /**
   * Set this to `true` when the API answers `GET /events/{id}/reveal?path=…` with `{ value }` (as
   * `react-audit-logs/server` does, recording each reveal): the drawer then offers Reveal to a person with
   * `canReveal`. Defaults to `false`.
   */
  supportsReveal?: boolean
  /**
   * The keys the API can sort by (`createdAt` always): the viewer offers sorting only by these. Leave it out
   * when it sorts by any field; `[]` for an API that sorts by time alone (Okta, GitHub).
   */
  sortableKeys?: readonly string[]
  /** The keys the API can filter by: the viewer offers filters only on these. Leave it out when any field filters. */
  filterableKeys?: readonly string[]
  /**
   * How the API writes each event's `createdAt`, when not ISO-8601 or epoch ms: `'epoch-seconds'` or
   * `'utc-datetime'` (`2024-12-17 08:30:00.123456` as UTC). Read before the events are checked, every digit
   * kept. Defaults to `'iso'`.
   */
  timeFormat?: TimeFormat
}
