import type { AuditEvent, AuditQuery } from '../core/types'
import { AuditLogsError, isAbortError } from './errors'
import { queryToSearchParams } from './restContract'
import type { AdapterCallOptions, AuditLogsAdapter } from './types'
import { validateEvent, validatePage } from './validate'

/** What a list response maps to before it is checked. */
export interface UncheckedPage {
  events: unknown
  nextCursor?: unknown
  total?: unknown
}

export interface FetchAdapterOptions {
  /** Where the API lives, e.g. `/api/audit-logs` or `https://api.example.com/v1/audit`. */
  baseUrl: string
  /** Request headers, or a function that returns them (called on every request: fresh auth tokens). */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>)
  /** Sent as `fetch`'s `credentials`, e.g. `'include'` for cookie sessions on another origin. */
  credentials?: RequestCredentials
  /** Your own `fetch`, e.g. one with retries or tracing. Defaults to the global `fetch`. */
  fetch?: typeof fetch
  /** Path and query string of a list request, relative to `baseUrl`. Defaults to the REST contract. */
  listPath?: (query: AuditQuery) => string
  /** Maps a list response body to a page. Defaults to reading `{ events, nextCursor, total }`. */
  parseList?: (body: unknown, query: AuditQuery) => UncheckedPage
  /** Path of a single-event request. Defaults to `/events/{id}`. */
  eventPath?: (id: string) => string
  /** Maps a single-event response body to the event. Defaults to the body itself. */
  parseEvent?: (body: unknown) => unknown
}

const SOURCE = 'The audit-log server (or the fetch adapter\'s parseList/parseEvent mapping)'
const MAX_DETAIL = 200

const defaultListPath = (query: AuditQuery): string => `/events?${queryToSearchParams(query).toString()}`
const defaultEventPath = (id: string): string => `/events/${encodeURIComponent(id)}`

/** A short, readable reason from an error body: its `message`/`error` field, or its first line of text. */
function errorDetail(text: string, contentType: string): string {
  if (contentType.includes('html') || /^\s*</.test(text)) return 'the server sent an HTML page instead of JSON'
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body === 'object' && body !== null) {
      const { message, error } = body as Record<string, unknown>
      const detail = typeof message === 'string' ? message : typeof error === 'string' ? error : ''
      if (detail) return detail.slice(0, MAX_DETAIL)
    }
  } catch {
    // not JSON: fall through to the text itself
  }
  return text.trim().split('\n', 1)[0]?.slice(0, MAX_DETAIL) ?? ''
}

/**
 * An adapter for a REST API. Out of the box it speaks the contract in the README; `listPath` and
 * `parseList` map it onto an API of another shape (offset/count, `{ data, total }` bodies, …).
 */
export function createFetchAdapter<TEvent extends AuditEvent = AuditEvent>(options: FetchAdapterOptions): AuditLogsAdapter<TEvent> {
  const {
    baseUrl,
    headers,
    credentials,
    listPath = defaultListPath,
    parseList = (body: unknown) => body as UncheckedPage,
    eventPath = defaultEventPath,
    parseEvent = (body: unknown) => body,
  } = options
  const root = baseUrl.replace(/\/+$/, '')

  const getJson = async (path: string, signal: AbortSignal): Promise<unknown> => {
    const doFetch = options.fetch ?? globalThis.fetch
    const requestHeaders = new Headers(typeof headers === 'function' ? await headers() : headers)
    if (!requestHeaders.has('accept')) requestHeaders.set('accept', 'application/json')
    let response: Response
    try {
      response = await doFetch(`${root}${path}`, { headers: requestHeaders, credentials, signal })
    } catch (error) {
      if (isAbortError(error) || signal.aborted) throw error
      const reason = error instanceof Error ? error.message : String(error)
      throw new AuditLogsError('network', `The audit-log server could not be reached (${reason}).`, { cause: error })
    }
    const text = await response.text()
    const contentType = response.headers.get('content-type') ?? ''
    if (!response.ok) {
      const detail = errorDetail(text, contentType)
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
      throw new AuditLogsError('http', `The audit-log server answered ${status}${detail ? `: ${detail}` : ''}.`, {
        status: response.status,
      })
    }
    try {
      return JSON.parse(text)
    } catch (error) {
      throw new AuditLogsError(
        'malformed-response',
        `The audit-log response is not JSON (${errorDetail(text, contentType) || 'empty body'}). ${SOURCE} is probably wrong.`,
        { cause: error },
      )
    }
  }

  return {
    async listEvents(query: AuditQuery, { signal }: AdapterCallOptions) {
      const body = await getJson(listPath(query), signal)
      // The check proves the AuditEvent base shape; TEvent's own fields are the host's promise.
      return validatePage(parseList(body, query), SOURCE) as { events: TEvent[]; nextCursor: string | null; total?: number }
    },
    async getEvent(id: string, { signal }: AdapterCallOptions) {
      const body = await getJson(eventPath(id), signal)
      return validateEvent(parseEvent(body), SOURCE) as TEvent
    },
  }
}
