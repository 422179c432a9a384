import { fieldValue } from './fields'
import { getPath } from './path'
import type { AuditEvent, AuditField } from './types'

/**
 * What an adapter can sort and filter by, declared once on the adapter. Each list left out means "any dot
 * path into the stored event": a field whose key is its path. A field with a `value` accessor is derived:
 * its key names nothing the backend holds, so it is offered for sorting or filtering only when it says which
 * path the adapter should use (`sortKey` / `filterKey`), or the adapter lists its key.
 */
export interface QueryCapabilities {
  /** The keys this adapter can sort by (`createdAt` always). Leave it out when it sorts by any dot path. */
  readonly sortableKeys?: readonly string[]
  /** The keys this adapter can filter by. Leave it out when it filters by any dot path. */
  readonly filterableKeys?: readonly string[]
  /**
   * Keys of fields with a `value` accessor that the adapter evaluates itself (the memory adapter given
   * `fields`): sorting and filtering by them does what the cells show.
   */
  readonly derivedKeys?: readonly string[]
  /**
   * Set this to `true` when the adapter applies a search's `exclude` ("is not" filters): the viewer then
   * offers "is not". Defaults to `false`: the viewer never sends an adapter a negation it could ignore.
   */
  readonly supportsExclude?: boolean
}

type QueryUse = 'sort' | 'filter'

/** The key the adapter is asked to use for this field, or `null` when it cannot be asked to. */
function queryKeyOf(field: AuditField<never>, capabilities: QueryCapabilities, use: QueryUse): string | null {
  const mapped = use === 'sort' ? field.sortKey : field.filterKey
  const key = mapped ?? field.key
  const declared = use === 'sort' ? capabilities.sortableKeys : capabilities.filterableKeys
  const listed = declared?.includes(key) ?? false
  // A derived value the backend has never seen: asking it to sort or filter by the key would answer
  // something other than what the cells show.
  if (field.value && mapped === undefined && !listed && !(capabilities.derivedKeys?.includes(field.key) ?? false)) return null
  if (use === 'sort' && key === 'createdAt') return key
  return declared === undefined || listed ? key : null
}

/**
 * The key the adapter sorts this field's column by (its `sortKey`, else its key), or `null` when the field
 * is not sortable (`sortable: false`) or the adapter cannot sort by it: the header is then no button.
 */
export function sortKeyOf(field: AuditField<never>, capabilities: QueryCapabilities): string | null {
  return field.sortable === false ? null : queryKeyOf(field, capabilities, 'sort')
}

/**
 * The key the adapter filters this field by (its `filterKey`, else its key), or `null` when the adapter
 * cannot filter by it. Whether the viewer offers the filter is the field's `filterable` too.
 */
export function filterKeyOf(field: AuditField<never>, capabilities: QueryCapabilities): string | null {
  return queryKeyOf(field, capabilities, 'filter')
}

/** Whether the viewer offers filtering by this field: it is `filterable` and the adapter can filter by it. */
export const offersFilter = (field: AuditField<never>, capabilities: QueryCapabilities): boolean =>
  field.filterable === true && filterKeyOf(field, capabilities) !== null

/** The field a search's sort or filter key belongs to: the one the adapter is asked that key for. */
export function fieldForQueryKey<TField extends AuditField<never>>(
  fields: readonly TField[],
  key: string,
  capabilities: QueryCapabilities,
  use: QueryUse,
): TField | undefined {
  return fields.find((field) => (use === 'sort' ? sortKeyOf(field, capabilities) : filterKeyOf(field, capabilities)) === key)
}

/**
 * The value a filter on this field asks for, from one event: what its `filterKey` holds, else the field's own
 * value. For the drawer's Filter button and the filter bar's suggestions alike.
 */
export const filterValueOf = <TEvent extends AuditEvent>(field: AuditField<TEvent>, event: TEvent): unknown =>
  field.filterKey === undefined ? fieldValue(field, event) : getPath(event, field.filterKey)
