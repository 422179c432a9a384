import type { AuditQuery } from '../core/types'
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
/** The query's value lists: `filters` as `filter.<key>=<value>` ("is"), `exclude` as `exclude.<key>=<value>` ("is not"). */
const LISTS = ['filters', 'exclude'] as const
const prefixOf = (list: (typeof LISTS)[number]): string => (list === 'filters' ? 'filter.' : 'exclude.')

/** The query string of a list request. */
export function queryToSearchParams(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.from) params.set('from', query.from)
  if (query.to) params.set('to', query.to)
  if (query.search) params.set('search', query.search)
  for (const list of LISTS) {
    for (const [key, values] of Object.entries(query[list] ?? {})) for (const value of values) params.append(`${prefixOf(list)}${key}`, value)
  }
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
  for (const list of LISTS) {
    const prefix = prefixOf(list)
    // A Map, not an object: a key such as "constructor" or "__proto__" must not reach Object.prototype.
    const values = new Map<string, string[]>()
    for (const [name, value] of params) {
      const key = name.slice(prefix.length)
      if (name.startsWith(prefix)) values.set(key, [...(values.get(key) ?? []), value])
    }
    if (values.size > 0) query[list] = Object.fromEntries(values)
  }
  return query
}
