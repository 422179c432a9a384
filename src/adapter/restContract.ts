import type { AuditQuery } from '../core/types'
import { AuditLogsError } from './errors'

/**
 * The REST contract of `createFetchAdapter`, written down once for the client and for servers (the MSW
 * handlers use the same functions):
 *
 * `GET {baseUrl}/events?from&to&search&filter.<key>=<value>&sort=<key>:<asc|desc>&limit&cursor`
 * → `{ "events": AuditEvent[], "nextCursor": string | null, "total"?: number }`
 *
 * `GET {baseUrl}/events/{id}` → `AuditEvent`
 */
const FILTER_PREFIX = 'filter.'

/** The query string of a list request. */
export function queryToSearchParams(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.from) params.set('from', query.from)
  if (query.to) params.set('to', query.to)
  if (query.search) params.set('search', query.search)
  for (const [key, values] of Object.entries(query.filters ?? {})) {
    for (const value of values) params.append(`${FILTER_PREFIX}${key}`, value)
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
  // A Map, not an object: a key such as "constructor" or "__proto__" must not reach Object.prototype.
  const filters = new Map<string, string[]>()
  for (const [name, value] of params) {
    if (!name.startsWith(FILTER_PREFIX)) continue
    const key = name.slice(FILTER_PREFIX.length)
    filters.set(key, [...(filters.get(key) ?? []), value])
  }
  if (filters.size > 0) query.filters = Object.fromEntries(filters)
  return query
}
