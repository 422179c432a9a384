import type { AuditSearch, AuditSort } from './types'

/** Who sees a saved view: its owner only, or everyone who views the tenant's log. */
export type ViewScope = 'personal' | 'shared'

/** A named search (range, text, filters, exclusions, sort, columns) a person returns to. */
export interface SavedView {
  id: string
  name: string
  search: AuditSearch
  /** The keys of the fields shown as columns, in order; absent: the data structure's own columns. */
  columns?: string[]
  scope: ViewScope
  /** The tenant's default: the search the viewer opens with when nothing else asks for one. At most one, shared. */
  isDefault: boolean
}

/** What `saveView` is given: a new view (no `id`), or the new state of one (rename, default). */
export interface SavedViewInput {
  id?: string
  name: string
  search: AuditSearch
  columns?: string[]
  scope: ViewScope
  isDefault?: boolean
}

/** The longest view name. */
export const MAX_VIEW_NAME = 100
/** The most keys a view's filters, exclusions or columns may name, and values per key. */
export const MAX_VIEW_KEYS = 200
/** The longest text anywhere in a view's search (a key, a value, an instant, the free text). */
export const MAX_VIEW_TEXT = 2000

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_VIEW_TEXT
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.length <= MAX_VIEW_KEYS && value.every(isText)

/** A `{ key: [values] }` of a view's filters or exclusions, or the reason it is not one. */
function readValueMap(value: unknown, name: string): Record<string, string[]> | string {
  if (!isObject(value)) return `"${name}" is not an object of value lists`
  const entries = Object.entries(value)
  if (entries.length > MAX_VIEW_KEYS) return `"${name}" names more than ${String(MAX_VIEW_KEYS)} fields`
  for (const [key, values] of entries) {
    if (key.length > MAX_VIEW_TEXT || !isTextList(values)) return `"${name}.${key.slice(0, 40)}" is not a list of texts`
  }
  return value as Record<string, string[]>
}

/**
 * A saved view's search as stored data says it, or the reason it is no search: only the known properties,
 * each of its type and within the limits. What the viewer cannot run (an unknown field) is corrected when it
 * is applied, as a link's search is.
 */
export function readViewSearch(value: unknown): AuditSearch | string {
  if (!isObject(value)) return 'the search is not an object'
  const search: AuditSearch = {}
  for (const name of ['from', 'to', 'search'] as const) {
    const text = value[name]
    if (text === undefined) continue
    if (!isText(text)) return `"${name}" is not a text of at most ${String(MAX_VIEW_TEXT)} characters`
    search[name] = text
  }
  for (const name of ['filters', 'exclude'] as const) {
    if (value[name] === undefined) continue
    const map = readValueMap(value[name], name)
    if (typeof map === 'string') return map
    search[name] = map
  }
  const { sort } = value
  if (sort !== undefined) {
    if (!isObject(sort) || !isText(sort.key) || (sort.direction !== 'asc' && sort.direction !== 'desc'))
      return '"sort" is not { key, direction: "asc" | "desc" }'
    search.sort = { key: sort.key, direction: sort.direction } satisfies AuditSort
  }
  return search
}

/** A view's columns (field keys), or the reason they are not. */
export function readViewColumns(value: unknown): string[] | string {
  return isTextList(value) ? value : `"columns" is not a list of at most ${String(MAX_VIEW_KEYS)} field keys`
}

/** A view's name with its ends trimmed, or the reason it cannot be one (empty, too long). */
export function readViewName(value: unknown): string | { problem: string } {
  if (typeof value !== 'string') return { problem: 'the name is not text' }
  const name = value.trim()
  if (name === '' || name.length > MAX_VIEW_NAME) return { problem: `the name is not 1 to ${String(MAX_VIEW_NAME)} characters` }
  return name
}
