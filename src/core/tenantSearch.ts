import type { AuditSearch } from './types'

/**
 * What a tenant change does to each part of the search: values that name one tenant's data (text, filter and
 * "is not" values) are cleared; the range and the sort mean the same in any tenant and stay. Typed over every
 * key of `AuditSearch`, so a new part cannot be added without deciding here.
 */
export const ON_TENANT_CHANGE: { readonly [Part in keyof Required<AuditSearch>]: 'clear' | 'keep' } = {
  from: 'keep',
  to: 'keep',
  sort: 'keep',
  search: 'clear',
  filters: 'clear',
  exclude: 'clear',
}

/** The search without the parts that belong to the previous tenant. */
export function withoutTenantValues(search: AuditSearch): AuditSearch {
  const kept: AuditSearch = {}
  let changed = false
  for (const [part, value] of Object.entries(search) as Array<[keyof AuditSearch, unknown]>) {
    if (ON_TENANT_CHANGE[part] === 'clear') changed = true
    else Object.assign(kept, { [part]: value })
  }
  return changed ? kept : search
}
