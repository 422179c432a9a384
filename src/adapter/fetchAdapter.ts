import type { AuditEvent, AuditField, AuditQuery, AuditSearch } from '../core/types'
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
import { errorDetail, jsonMessage, readText, withPageTimes, withTime } from './fetchResponse'
import type { FetchAdapterOptions, UncheckedPage } from './fetchAdapterOptions'

export type { FetchAdapterOptions, UncheckedPage } from './fetchAdapterOptions'

const SOURCE = "The audit-log server (or the fetch adapter's parseList/parseEvent mapping)"
const defaultListPath = (query: AuditQuery): string => `/events?${queryToSearchParams(query).toString()}`
const defaultEventPath = (id: string): string => `/events/${encodeURIComponent(id)}`

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
