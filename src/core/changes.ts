import { jsonPreview } from './jsonPreview'
import { isRecord } from './isRecord'

/** One row of a before/after table. */
export interface ChangeRow {
  field: string
  before: unknown
  after: unknown
  kind: 'changed' | 'added' | 'removed' | 'unchanged'
}

/** Rows drawn at most, and keys looked at when pairing `oldX`/`newX`: a diff is read, never a megabyte. */
const MAX_ROWS = 200
const MAX_SCANNED_KEYS = 200
/** Characters of JSON compared for objects; values that agree this far count as equal. */
const COMPARED = 2_000

const same = (before: unknown, after: unknown): boolean =>
  Object.is(before, after) ||
  (typeof before === 'object' &&
    typeof after === 'object' &&
    before !== null &&
    after !== null &&
    jsonPreview(before, COMPARED) === jsonPreview(after, COMPARED))

const kindOf = (before: unknown, after: unknown): ChangeRow['kind'] =>
  before === undefined ? 'added' : after === undefined ? 'removed' : same(before, after) ? 'unchanged' : 'changed'

const row = (field: string, before: unknown, after: unknown): ChangeRow => ({ field, before, after, kind: kindOf(before, after) })

/** Keys of an object, at most `limit` of them (`null` when there are more: no table is drawn then). */
function someKeys(value: Record<string, unknown>, limit: number): string[] | null {
  const keys: string[] = []
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    if (keys.length === limit) return null
    keys.push(key)
  }
  return keys
}

/** `{ status: 'draft' }` beside `{ status: 'published' }`: one row per key of either. */
function pairObjects(before: unknown, after: unknown): ChangeRow[] | null {
  if (!isRecord(before) && !isRecord(after)) return null
  const beforeKeys = isRecord(before) ? someKeys(before, MAX_ROWS) : []
  const afterKeys = isRecord(after) ? someKeys(after, MAX_ROWS) : []
  if (beforeKeys === null || afterKeys === null) return null
  const keys = [...new Set([...beforeKeys, ...afterKeys])].slice(0, MAX_ROWS)
  const read = (value: unknown, key: string): unknown => (isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined)
  return keys.map((key) => row(key, read(before, key), read(after, key)))
}

/** `[{ field, from, to }]` and its spellings (`old`/`new`, `oldValue`/`newValue`, `before`/`after`). */
function changeList(list: readonly unknown[]): ChangeRow[] | null {
  if (list.length === 0 || list.length > MAX_ROWS) return null
  const rows: ChangeRow[] = []
  for (const entry of list) {
    if (!isRecord(entry)) return null
    const field = entry.field ?? entry.key ?? entry.path ?? entry.name ?? entry.attribute ?? entry.property
    if (typeof field !== 'string' && typeof field !== 'number') return null
    const [beforeKey, afterKey] = (
      [
        ['from', 'to'],
        ['old', 'new'],
        ['oldValue', 'newValue'],
        ['before', 'after'],
        ['previous', 'current'],
      ] as const
    ).find(([b, a]) => Object.hasOwn(entry, b) || Object.hasOwn(entry, a)) ?? [undefined, undefined]
    if (beforeKey === undefined) return null
    rows.push(row(String(field), entry[beforeKey], entry[afterKey]))
  }
  return rows
}

/** `{ status: { from: 'draft', to: 'published' } }`: a list of changes keyed by field. */
function changesByField(value: Record<string, unknown>): ChangeRow[] | null {
  const keys = someKeys(value, MAX_ROWS)
  return keys === null || keys.length === 0 ? null : changeList(keys.map((key) => (isRecord(value[key]) ? { field: key, ...value[key] } : null)))
}

const PREFIXED = /^(old|new|previous|current)(_?)(.+)$/i

/** `OldInstancesCount: '3', NewInstancesCount: '2'` (Azure's autoscale events), `old_name`/`new_name`. */
function prefixedPairs(value: Record<string, unknown>): ChangeRow[] | null {
  const keys = someKeys(value, MAX_SCANNED_KEYS)
  if (keys === null) return null
  const pairs = new Map<string, { before?: string; after?: string }>()
  for (const key of keys) {
    const match = PREFIXED.exec(key)
    if (!match) continue
    const [, prefix = '', , rest = ''] = match
    const name = rest.charAt(0).toLowerCase() + rest.slice(1)
    const pair = pairs.get(name) ?? {}
    if (/^(old|previous)$/i.test(prefix)) pair.before = key
    else pair.after = key
    pairs.set(name, pair)
  }
  const rows = [...pairs]
    .filter(([, pair]) => pair.before !== undefined && pair.after !== undefined)
    .map(([name, pair]) => row(name, value[pair.before ?? ''], value[pair.after ?? '']))
  return rows.length > 0 ? rows : null
}

/**
 * The before/after of a change a payload records, as rows, or `null` when it records none. Reads only the
 * named properties and at most a few hundred keys: `{ before, after }`, `{ old, new }`, `changes`/`diff`
 * holding either or a list of `{ field, from, to }`, and `oldX`/`newX` pairs.
 */
export function findChanges(value: unknown): ChangeRow[] | null {
  if (!isRecord(value)) return Array.isArray(value) ? changeList(value) : null
  for (const [before, after] of [
    ['before', 'after'],
    ['old', 'new'],
    ['previous', 'current'],
  ] as const) {
    if (Object.hasOwn(value, before) && Object.hasOwn(value, after)) {
      const rows = pairObjects(value[before], value[after])
      if (rows) return rows
    }
  }
  for (const name of ['changes', 'diff', 'changeset', 'modifications'] as const) {
    const inner = value[name]
    if (inner === undefined) continue
    const rows = Array.isArray(inner) ? changeList(inner) : isRecord(inner) ? (findChanges(inner) ?? changesByField(inner)) : null
    if (rows) return rows
  }
  return prefixedPairs(value)
}
