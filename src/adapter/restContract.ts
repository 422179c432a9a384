import type { AuditQuery, AuditSearch, FieldValuesRequest } from '../core/types'
import { AuditLogsError } from './errors'

/**
 * The REST contract of `createFetchAdapter`, written down once for the client and for servers (the MSW
 * handlers use the same functions):
 *
 * `GET {baseUrl}/events?from&to&search&filter.<key>=<value>&exclude.<key>=<value>&sort=<key>:<asc|desc>&limit&cursor`
 * → `{ "events": AuditEvent[], "nextCursor": string | null, "total"?: number }`
 *
 * `GET {baseUrl}/events/{id}` → `AuditEvent`
 *
 * `GET {baseUrl}/field-values?key=<key>&limit&from&to&search&filter.<key>&exclude.<key>`
 * → `{ "values": [{ "value": string, "count": number }], "complete"?: boolean }`, most frequent first
 */
const FILTER_PREFIX = 'filter.'
const EXCLUDE_PREFIX = 'exclude.'

/** Appends a map of field key → values as `<prefix><key>=<value>` parameters. */
function appendValues(params: URLSearchParams, prefix: string, values: Record<string, string[]> | undefined): void {
  for (const [key, texts] of Object.entries(values ?? {})) {
    for (const value of texts) params.append(`${prefix}${key}`, value)
  }
}

/** Reads `<prefix><key>=<value>` parameters back into a map (a Map first: "__proto__" must not reach Object.prototype). */
function readValues(params: URLSearchParams, prefix: string): Record<string, string[]> | undefined {
  const values = new Map<string, string[]>()
  for (const [name, value] of params) {
    if (!name.startsWith(prefix)) continue
    const key = name.slice(prefix.length)
    values.set(key, [...(values.get(key) ?? []), value])
  }
  return values.size > 0 ? Object.fromEntries(values) : undefined
}

/** The query string of a list request. */
export function queryToSearchParams(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.from) params.set('from', query.from)
  if (query.to) params.set('to', query.to)
  if (query.search) params.set('search', query.search)
  appendValues(params, FILTER_PREFIX, query.filters)
  appendValues(params, EXCLUDE_PREFIX, query.exclude)
  if (query.sort) params.set('sort', `${query.sort.key}:${query.sort.direction}`)
  params.set('limit', String(query.limit))
  if (query.cursor) params.set('cursor', query.cursor)
  return params
}

/** Reads a list request's query string back into a query; for servers and mocks. */
export function searchParamsToQuery(params: URLSearchParams, defaultLimit = 50): AuditQuery {
  const query: AuditQuery = { limit: defaultLimit }
  const limit = params.get('limit')
  if (limit !== null) {
    query.limit = Number(limit)
    if (!Number.isSafeInteger(query.limit) || query.limit < 1) {
      throw new AuditLogsError('invalid-query', `"limit" must be a positive whole number, got "${limit}".`)
    }
  }
  for (const name of ['from', 'to', 'search', 'cursor'] as const) {
    const value = params.get(name)
    if (value) query[name] = value
  }
  const sort = params.get('sort')
  if (sort) {
    const separator = sort.lastIndexOf(':')
    const key = separator > 0 ? sort.slice(0, separator) : sort
    const direction = separator > 0 ? sort.slice(separator + 1) : 'asc'
    if (direction !== 'asc' && direction !== 'desc') {
      throw new AuditLogsError('invalid-query', `"sort" must look like "createdAt:desc", got "${sort}".`)
    }
    query.sort = { key, direction }
  }
  const filters = readValues(params, FILTER_PREFIX)
  if (filters) query.filters = filters
  const exclude = readValues(params, EXCLUDE_PREFIX)
  if (exclude) query.exclude = exclude
  return query
}

/** The query string of a field-values request: the key, the limit and the search. */
export function fieldValuesToSearchParams(request: FieldValuesRequest): URLSearchParams {
  const params = queryToSearchParams({ ...request.search, limit: request.limit })
  params.delete('sort')
  params.set('key', request.key)
  return params
}

/** Reads a field-values request's query string back; for servers and mocks. */
export function searchParamsToFieldValues(params: URLSearchParams, defaultLimit = 20): FieldValuesRequest {
  const key = params.get('key')
  if (!key) throw new AuditLogsError('invalid-query', '"key" must name the field whose values are asked for.')
  const { limit, cursor: _cursor, sort: _sort, ...search } = searchParamsToQuery(params, defaultLimit)
  return { key, search: search satisfies AuditSearch, limit }
}
