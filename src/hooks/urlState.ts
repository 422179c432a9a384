import { queryToSearchParams, searchParamsToQuery } from '../adapter/restContract'
import type { AuditSearch } from '../core/types'

/** What the viewer keeps in the page's query string when URL state is on. */
export interface UrlViewState {
  search: AuditSearch
  openEventId: string | null
}

const OWN_PARAMS = /^(from|to|search|sort|event|(filter|exclude)\..+)$/

/**
 * Reads the viewer's state from a query string. Parameters carry `prefix` (e.g. `audit.`) so two viewers
 * or the host's own parameters never collide. Unreadable values are dropped, never fatal: a hand-edited
 * link still opens.
 */
export function readUrlState(params: URLSearchParams, prefix = ''): Partial<UrlViewState> {
  const own = new URLSearchParams()
  for (const [name, value] of params) {
    if (name.startsWith(prefix)) own.append(name.slice(prefix.length), value)
  }
  const state: Partial<UrlViewState> = {}
  const event = own.get('event')
  if (event) state.openEventId = event
  own.delete('event')
  own.delete('limit')
  own.delete('cursor')
  if ([...own.keys()].some((name) => OWN_PARAMS.test(name))) {
    try {
      const { limit: _limit, cursor: _cursor, ...search } = searchParamsToQuery(own)
      state.search = search
    } catch {
      // A malformed sort or similar: keep the default search.
    }
  }
  return state
}

/** Writes the viewer's state into a copy of the query string, keeping every parameter that is not its own. */
export function writeUrlState(params: URLSearchParams, state: UrlViewState, prefix = ''): URLSearchParams {
  const next = new URLSearchParams()
  for (const [name, value] of params) {
    if (!(name.startsWith(prefix) && OWN_PARAMS.test(name.slice(prefix.length)))) next.append(name, value)
  }
  const own = queryToSearchParams({ ...state.search, limit: 1 })
  own.delete('limit')
  if (state.openEventId !== null) own.set('event', state.openEventId)
  for (const [name, value] of own) next.append(`${prefix}${name}`, value)
  return next
}
