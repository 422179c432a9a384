import type { AuditSearch } from '../../core/types'

/** The search with one more accepted value for a field (no duplicates). */
export function addFilter(search: AuditSearch, key: string, value: string): AuditSearch {
  const current = search.filters?.[key] ?? []
  if (current.includes(value)) return search
  return { ...search, filters: { ...search.filters, [key]: [...current, value] } }
}

/** The search without one accepted value; a field with none left is dropped. */
export function removeFilter(search: AuditSearch, key: string, value: string): AuditSearch {
  const rest = (search.filters?.[key] ?? []).filter((accepted) => accepted !== value)
  const { [key]: _removed, ...others } = search.filters ?? {}
  const filters = rest.length > 0 ? { ...others, [key]: rest } : others
  const { filters: _previous, ...withoutFilters } = search
  return Object.keys(filters).length > 0 ? { ...withoutFilters, filters } : withoutFilters
}

/** The search without any field filter. */
export function clearFilters(search: AuditSearch): AuditSearch {
  const { filters: _filters, ...rest } = search
  return rest
}
