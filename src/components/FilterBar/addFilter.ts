import type { AuditSearch } from '../../core/types'
import { type FilterList, setValues } from './filters'

// Apart from the chips' functions (up front): only the filter form and the drawer, both loaded later, add filters.

const same = (value: string) => (given: string) => given.toLowerCase() === value.toLowerCase()

/**
 * The search with one more value for a field, accepted or (`exclude`) rejected; no duplicates, ignoring case
 * as filters match. The same value in the other list goes: a value is never both "is" and "is not".
 */
export function addFilter(search: AuditSearch, key: string, value: string, list: FilterList = 'filters'): AuditSearch {
  const other: FilterList = list === 'filters' ? 'exclude' : 'filters'
  const others = search[other]?.[key] ?? []
  const cleaned = others.some(same(value))
    ? setValues(
        search,
        other,
        key,
        others.filter((given) => !same(value)(given)),
      )
    : search
  const current = search[list]?.[key] ?? []
  return current.some(same(value)) ? cleaned : setValues(cleaned, list, key, [...current, value])
}

/** The search a field's values are counted in: without its own filters and its sort, so its alternatives show. */
export function searchForValues(search: AuditSearch, key: string): AuditSearch {
  const { sort: _sort, ...rest } = search
  return setValues(setValues(rest, 'filters', key, []), 'exclude', key, [])
}

/** Whether a field's values are machine text (addresses, emails, ids) that reads left to right in RTL too. */
export const readsLtr = (field: { key: string; type?: string } | undefined): boolean =>
  /^(ip|email|json)$/.test(field?.type ?? '') || /(^|\.)(id|\w+Id)$/.test(field?.key ?? '')
