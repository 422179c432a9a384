import type { HistogramRequest } from '../core/histogram'
import { AuditLogsError } from './errors'
import { queryToSearchParams, searchParamsToQuery } from './restContract'

// The histogram request of the REST contract (see `restContract.ts`): only the fetch adapter, the mocks and the
// server need it.
//
// `GET {baseUrl}/histogram?edge=<iso>&edge=<iso>…&split=<key>&from&to&search&filter.<key>&exclude.<key>`
// → `{ "buckets": [{ "start", "end", "count", "groups": [{ "value", "count" }] }], "before", "after", "first" }`

/** The most edges one request may carry (a timeline asks for far fewer). */
export const MAX_HISTOGRAM_EDGES = 500

/** The query string of a histogram request: its edges, split key and search. */
export function histogramToSearchParams(request: HistogramRequest): URLSearchParams {
  const params = queryToSearchParams({ ...request.search, limit: 1 })
  params.delete('sort')
  params.delete('limit')
  for (const edge of request.edges) params.append('edge', edge)
  if (request.splitBy !== undefined) params.set('split', request.splitBy)
  return params
}

/** Reads a histogram request's query string back; for servers and mocks. */
export function searchParamsToHistogram(params: URLSearchParams): HistogramRequest {
  const edges = params.getAll('edge')
  if (edges.length === 0 || edges.length > MAX_HISTOGRAM_EDGES)
    throw new AuditLogsError('invalid-query', `"edge" must be given from 1 to ${String(MAX_HISTOGRAM_EDGES)} times.`)
  const { limit: _limit, cursor: _cursor, sort: _sort, ...search } = searchParamsToQuery(params)
  const splitBy = params.get('split')
  return { search, edges, ...(splitBy ? { splitBy } : {}) }
}
