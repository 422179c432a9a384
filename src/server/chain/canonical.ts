import canonicalize from 'canonicalize'

/**
 * The RFC 8785 (JSON Canonicalization Scheme) bytes of a JSON value: keys sorted by UTF-16 code units, numbers
 * in ECMAScript's shortest form, no whitespace. The same value gives the same bytes whatever order its keys were
 * written or stored in (jsonb reorders them), so a hash of these bytes survives a round trip through PostgreSQL.
 */
export function canonicalBytes(value: unknown): Buffer {
  const text = canonicalize(value)
  if (text === undefined) throw new TypeError('This value has no JSON form to canonicalise.')
  return Buffer.from(text, 'utf8')
}

/**
 * The value PostgreSQL stores for JSON text (`::jsonb`), as `pg` reads it back: parsing the very text that is
 * sent means a hash covers what is stored (`NaN` became `null`, a `Date` its ISO text, `undefined` nothing), not
 * what the caller held.
 */
export const storedForm = (json: string): unknown => JSON.parse(json)

const NOT_PLAIN = Symbol('not plain JSON')
// V8 enumerates integer-like keys first, in numeric order, whatever order they were added in.
const INTEGER_LIKE = /^(?:0|[1-9][0-9]*)$/
// Stored events are at most `MAX_DEPTH` deep (`storableEvent`); deeper values take the general path, which needs no call stack.
const MAX_DEPTH = 100

/**
 * A copy of a value that is plain JSON already (text, finite numbers, booleans, null, arrays and plain objects),
 * each object's keys added in sorted order; `NOT_PLAIN` for anything JSON would change (a Date, `undefined`,
 * `NaN`, a `toJSON`) or an object V8 would not enumerate in the order its keys were added.
 */
function sortedCopy(value: unknown, depth: number): unknown {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_PLAIN
  if (typeof value !== 'object' || depth > MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return NOT_PLAIN
  if (Array.isArray(value)) {
    const copy: unknown[] = []
    for (let index = 0; index < value.length; index += 1) {
      const item = sortedCopy(value[index], depth + 1)
      if (item === NOT_PLAIN) return NOT_PLAIN
      copy.push(item)
    }
    return copy
  }
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return NOT_PLAIN
  const copy: Record<string, unknown> = {}
  // The default sort compares UTF-16 code units, the order RFC 8785 asks for.
  for (const key of Object.keys(value).sort()) {
    if (key === '__proto__' || INTEGER_LIKE.test(key)) return NOT_PLAIN
    const item = sortedCopy((value as Record<string, unknown>)[key], depth + 1)
    if (item === NOT_PLAIN) return NOT_PLAIN
    copy[key] = item
  }
  return copy
}

/**
 * The RFC 8785 text of what PostgreSQL stores for a value (its `storedForm`): the same text as
 * `canonicalBytes(storedForm(JSON.stringify(value)))`, made by one `JSON.stringify` of a key-sorted copy when
 * the value is plain JSON (every checked event; the native serialiser writes strings and numbers as RFC 8785
 * does), by `canonicalize` otherwise. Sent as the event's JSON, it is both what is stored and what its link
 * hashes, so an event is serialised once. Text with lone surrogates has no RFC 8785 form; checked events hold none.
 */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value, 0)
  if (copy !== NOT_PLAIN) return JSON.stringify(copy)
  const json = JSON.stringify(value) as string | undefined
  if (json === undefined) throw new TypeError('This value has no JSON form to canonicalise.')
  return canonicalBytes(storedForm(json)).toString('utf8')
}
