import type { AuditSearch, FieldValuesRequest } from '../core/types'
import { AuditLogsError } from './errors'
import { queryToSearchParams, searchParamsToQuery } from './restContract'

// The field-values request of the REST contract (see `restContract.ts`), apart from the list's functions: only
// the fetch adapter, the mocks and the server need it, not every page that keeps its search in the URL.

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
