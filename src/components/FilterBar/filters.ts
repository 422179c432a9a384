import type { AuditSearch } from '../../core/types'

/** Where a filter goes: accepted values ("is", `filters`) or rejected ones ("is not", `exclude`). */
export type FilterList = 'filters' | 'exclude'

/** The search with one list's values of a key replaced (`[]`: the key goes; a list with no key left goes). */
export function setValues(search: AuditSearch, list: FilterList, key: string, values: string[]): AuditSearch {
  const { [list]: previous, ...rest } = search
  const { [key]: _replaced, ...others } = previous ?? {}
  const next = values.length > 0 ? { ...others, [key]: values } : others
  return Object.keys(next).length > 0 ? { ...rest, [list]: next } : rest
}

/** The search without one value of a field; a field with none left is dropped. */
export const removeFilter = (search: AuditSearch, key: string, value: string, list: FilterList = 'filters'): AuditSearch =>
  setValues(
    search,
    list,
    key,
    (search[list]?.[key] ?? []).filter((given) => given !== value),
  )

/** The search without any field filter, "is" or "is not". */
export function clearFilters(search: AuditSearch): AuditSearch {
  const { filters: _filters, exclude: _exclude, ...rest } = search
  return rest
}
