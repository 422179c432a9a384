import { withEventTime } from '../core/time'
import type { AuditEvent, AuditField, AuditQuery, AuditSearch, TimeFormat } from '../core/types'
import { AuditLogsError, isAbortError, isAuditLogsError } from './errors'
import { fieldValuesToSearchParams } from './fieldValuesContract'
import { histogramToSearchParams } from './histogramContract'
import { queryToSearchParams } from './restContract'
import { readRevealed, revealPath } from './revealContract'
import type { AdapterCallOptions, AuditLogsAdapter, ServerExport, ServerExportRequest } from './types'
import { validateEvent, validatePage } from './validate'
import { validateFieldValues } from './validateFieldValues'
import { validateHistogram } from './validateHistogram'
import { validateView, validateViews } from './validateViews'

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

/** A mapped event with its `createdAt` read in `format`; anything that is no object is left for the check. */
const withTime = (event: unknown, format: TimeFormat | undefined): unknown =>
  typeof event === 'object' && event !== null ? withEventTime(event as { createdAt: unknown }, format) : event

/** A mapped page with its events' `createdAt` read in `format`. */
function withPageTimes(page: UncheckedPage, format: TimeFormat | undefined): UncheckedPage {
  if (format === undefined || format === 'iso' || !Array.isArray(page.events)) return page
  return { ...page, events: (page.events as unknown[]).map((event) => withTime(event, format)) }
}

const SOURCE = "The audit-log server (or the fetch adapter's parseList/parseEvent mapping)"
const MAX_DETAIL = 200

const defaultListPath = (query: AuditQuery): string => `/events?${queryToSearchParams(query).toString()}`
const defaultEventPath = (id: string): string => `/events/${encodeURIComponent(id)}`

/** A short, readable reason from an error body: its `message`/`error` field, or its first line of text. */
function errorDetail(text: string, contentType: string): string {
  if (contentType.includes('html') || /^\s*</.test(text)) return 'the server sent an HTML page instead of JSON'
  return jsonMessage(text) || (text.trim().split('\n', 1)[0]?.slice(0, MAX_DETAIL) ?? '')
}

/** The `message` (or `error`) of a JSON error body, cut short; `''` when the body is no such JSON. */
function jsonMessage(text: string): string {
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body === 'object' && body !== null) {
      const { message, error } = body as Record<string, unknown>
      const detail = typeof message === 'string' ? message : typeof error === 'string' ? error : ''
      return detail.slice(0, MAX_DETAIL)
    }
  } catch {
    // not JSON
  }
  return ''
}

/**
 * A response's body as text. A connection that breaks while the body arrives is a network failure, worded by
 * the viewer, not the browser's own "Failed to fetch" or "network error".
 */
async function readText(response: Response): Promise<string> {
  try {
    return await response.text()
  } catch (error) {
    if (isAbortError(error)) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new AuditLogsError('network', `The connection to the audit-log server broke while its answer arrived (${reason}).`, { cause: error })
  }
}

/** An "is not" for an API not declared to apply it is refused: ignored, it would show the events excluded. */
function refuseExclude(search: AuditSearch, supported: boolean | undefined): void {
  if (supported !== true && Object.values(search.exclude ?? {}).some((values) => values.length > 0)) {
    throw new AuditLogsError('invalid-query', 'This fetch adapter is not set up for "is not" filters (`supportsExclude`), so it cannot apply them.')
  }
}

/**
 * An adapter for a REST API. Out of the box it speaks the contract in docs/adapters.md; `listPath` and
 * `parseList` map it onto an API of another shape (offset/count, `{ data, total }` bodies, …).
 */
export function createFetchAdapter<TEvent extends AuditEvent = AuditEvent>(options: FetchAdapterOptions): AuditLogsAdapter<TEvent> {
  const {
    baseUrl,
    headers,
    credentials,
    listPath = defaultListPath,
    parseList = (body: unknown): UncheckedPage => body as UncheckedPage,
    eventPath = defaultEventPath,
    parseEvent = (body: unknown) => body,
  } = options
  const root = baseUrl.replace(/\/+$/, '')

  /** Sends a request; resolves to the response when it is a success, else rejects with a readable error. */
  const send = async (path: string, { signal, tenantId }: AdapterCallOptions, init: { method?: string; body?: unknown } = {}): Promise<Response> => {
    const doFetch = options.fetch ?? globalThis.fetch
    const requestHeaders = new Headers(typeof headers === 'function' ? await headers() : headers)
    if (tenantId !== undefined) requestHeaders.set(options.tenantHeader ?? 'x-tenant-id', tenantId)
    if (!requestHeaders.has('accept')) requestHeaders.set('accept', 'application/json')
    if (init.body !== undefined) requestHeaders.set('content-type', 'application/json')
    let response: Response
    try {
      response = await doFetch(`${root}${path}`, {
        method: init.method ?? 'GET',
        headers: requestHeaders,
        credentials,
        signal,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      })
    } catch (error) {
      if (isAbortError(error) || signal.aborted) throw error
      const reason = error instanceof Error ? error.message : String(error)
      throw new AuditLogsError('network', `The audit-log server could not be reached (${reason}).`, { cause: error })
    }
    if (!response.ok) {
      const text = await readText(response)
      const detail = errorDetail(text, response.headers.get('content-type') ?? '')
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
      // A refused search (400) says why in the server's own words ("… is hidden"): people are shown them.
      const reason = response.status === 400 ? jsonMessage(text) : ''
      throw new AuditLogsError('http', `The audit-log server answered ${status}${detail ? `: ${detail}` : ''}.`, {
        status: response.status,
        ...(reason ? { reason } : {}),
      })
    }
    return response
  }

  const readJson = async (response: Response): Promise<unknown> => {
    const text = await readText(response)
    try {
      return JSON.parse(text)
    } catch (error) {
      const detail = errorDetail(text, response.headers.get('content-type') ?? '')
      throw new AuditLogsError('malformed-response', `The audit-log response is not JSON (${detail || 'empty body'}). ${SOURCE} is probably wrong.`, {
        cause: error,
      })
    }
  }

  const exportCsv = async (request: ServerExportRequest, call: AdapterCallOptions): Promise<ServerExport> => {
    if (!options.serverExport) throw new Error('unreachable: server export is off')
    const { path, method = 'POST', body } = options.serverExport(request)
    const response = await send(path, call, { method, body })
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      const answer = await readJson(response)
      const url = typeof answer === 'object' && answer !== null ? (answer as { url?: unknown }).url : undefined
      if (typeof url !== 'string') throw new AuditLogsError('malformed-response', `The export answer has no "url". ${SOURCE} is probably wrong.`)
      return { url }
    }
    return response.body ? { stream: response.body } : { blob: await response.blob() }
  }

  const { sortableKeys, filterableKeys, supportsExclude } = options
  const adapter: AuditLogsAdapter<TEvent> = {
    ...(sortableKeys === undefined ? {} : { sortableKeys }),
    ...(filterableKeys === undefined ? {} : { filterableKeys }),
    ...(supportsExclude === true ? { supportsExclude } : {}),
    async listEvents(query: AuditQuery, call: AdapterCallOptions) {
      refuseExclude(query, supportsExclude)
      const request = options.listRequest?.(query) ?? { path: listPath(query) }
      const init = request.method === 'POST' ? { method: 'POST', body: request.body } : {}
      const response = await send(request.path, call, init)
      const body = await readJson(response)
      // The check proves the AuditEvent base shape; TEvent's own fields are the host's promise.
      return validatePage(withPageTimes(parseList(body, query, response), options.timeFormat), SOURCE) as {
        events: TEvent[]
        nextCursor: string | null
        total?: number
        totalAtLeast?: number
      }
    },
  }
  // The REST contract's exact count: the first page of one event with `count=exact` (a custom list has none).
  if (options.listRequest === undefined && options.listPath === undefined && options.parseList === undefined) {
    adapter.countEvents = async (search: AuditSearch, call: AdapterCallOptions) => {
      refuseExclude(search, supportsExclude)
      const body = await readJson(await send(`${defaultListPath({ ...search, limit: 1 })}&count=exact`, call))
      const { total } = validatePage(body, SOURCE)
      if (total === undefined)
        throw new AuditLogsError('malformed-response', `The answer to count=exact has no "total". ${SOURCE} is probably wrong.`)
      return total
    }
  }
  if (eventPath !== false) {
    adapter.getEvent = async (id: string, call: AdapterCallOptions) => {
      const body = await readJson(await send(eventPath(id), call))
      return validateEvent(withTime(parseEvent(body), options.timeFormat), SOURCE) as TEvent
    }
  }
  if (options.serverExport) adapter.exportCsv = exportCsv
  if (options.supportsReveal === true) {
    adapter.revealValue = async (id, path, call) => readRevealed(await readJson(await send(revealPath(id, path), call)), SOURCE)
  }
  const { fieldValuesPath } = options
  if (fieldValuesPath !== undefined) {
    adapter.listFieldValues = async (request, call) => {
      refuseExclude(request.search, supportsExclude)
      const body = await readJson(await send(`${fieldValuesPath}?${fieldValuesToSearchParams(request).toString()}`, call))
      return validateFieldValues(body, request.limit, SOURCE)
    }
  }
  const { integrityPath } = options
  if (integrityPath !== undefined) {
    adapter.verifyIntegrity = async (request, call) => {
      const params = new URLSearchParams()
      for (const name of ['from', 'to', 'eventId'] as const) if (request[name] !== undefined) params.set(name, request[name])
      const body = await readJson(await send(`${integrityPath}?${params.toString()}`, call))
      const { validateIntegrity } = await import('./validateIntegrity')
      return validateIntegrity(body, SOURCE)
    }
  }
  const { histogramPath } = options
  if (histogramPath !== undefined) {
    adapter.histogram = async (request, call) => {
      refuseExclude(request.search, supportsExclude)
      const body = await readJson(await send(`${histogramPath}?${histogramToSearchParams(request).toString()}`, call))
      return validateHistogram(body, request, SOURCE)
    }
  }
  const { viewsPath } = options
  if (viewsPath !== undefined) {
    adapter.listViews = async (call) => validateViews(await readJson(await send(viewsPath, call)), SOURCE)
    adapter.saveView = async (view, call) => validateView(await readJson(await send(viewsPath, call, { method: 'POST', body: view })), SOURCE)
    adapter.deleteView = async (id, call) => {
      await send(`${viewsPath}?${new URLSearchParams({ id }).toString()}`, call, { method: 'DELETE' })
    }
  }
  const { fieldConfigPath } = options
  if (fieldConfigPath !== undefined) {
    adapter.loadFieldConfig = async (call) => {
      let response: Response
      try {
        response = await send(fieldConfigPath, call)
      } catch (error) {
        // Nothing stored yet: the code's fields stand.
        if (isAuditLogsError(error) && error.status === 404) return []
        throw error
      }
      const body = await readJson(response)
      if (!Array.isArray(body))
        throw new AuditLogsError('malformed-response', `The stored data structure is not a list of fields. ${SOURCE} is probably wrong.`)
      // Each entry is checked (and unreadable ones skipped) when it is laid over the code's fields.
      return body as AuditField[]
    }
    adapter.saveFieldConfig = async (fields, call) => {
      await send(fieldConfigPath, call, { method: 'PUT', body: fields })
    }
  }
  return adapter
}
