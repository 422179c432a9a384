import { parsePath } from './path'
import type { AuditField } from './types'

const MAX_DEPTH = 6

/** A value of an event that no field covers: where it is, and the name to show for it. */
export interface OtherProperty {
  /** The property names from the event down to the value. */
  segments: string[]
  /** The dot path; a name that holds a dot (or is empty) is quoted: `"user.email"`, `user."a.b"`. */
  label: string
}

const labelOf = (segments: readonly string[]): string =>
  segments.map((segment) => (segment === '' || segment.includes('.') ? `"${segment}"` : segment)).join('.')

/** Whether `prefix` is the start of `segments` (or all of it). */
const startsWith = (segments: readonly string[], prefix: readonly string[]): boolean =>
  prefix.length <= segments.length && prefix.every((segment, index) => segments[index] === segment)

/**
 * The values of an event that no field covers, so the detail view can list them and nothing is ever
 * invisible. Objects are walked; arrays and primitives are leaves. A field covers its own path and
 * everything below it. Paths are compared by property names, so a literal `"user.email"` property is not
 * covered by the field `user.email` (which reads `user` → `email`) and is listed.
 */
export function uncoveredPaths(event: object, fields: readonly Pick<AuditField<never>, 'key'>[]): OtherProperty[] {
  return listUncovered(event, fields, Infinity).paths
}

/**
 * The first `limit` values of an event no field covers (as `uncoveredPaths`), and how many there are in all:
 * an event with 100,000 properties is counted without making 100,000 entries for a drawer that shows 100.
 */
export function listUncovered(
  event: object,
  fields: readonly Pick<AuditField<never>, 'key'>[],
  limit: number,
): { paths: OtherProperty[]; total: number } {
  const keys = fields.map((field) => parsePath(field.key) ?? [field.key])
  const covered = (path: readonly string[]): boolean => keys.some((key) => startsWith(path, key))
  const partlyCovered = (path: readonly string[]): boolean => keys.some((key) => key.length > path.length && startsWith(key, path))
  // Top-level names settle most properties at once, by a set lookup.
  const coveredNames = new Set(keys.filter((key) => key.length === 1).map((key) => key[0]))
  const namesBelow = new Set(keys.filter((key) => key.length > 1).map((key) => key[0]))
  const paths: OtherProperty[] = []
  let total = 0
  const found = (path: string[]): void => {
    total += 1
    if (paths.length < limit) paths.push({ segments: path, label: labelOf(path) })
  }
  const walk = (value: unknown, path: string[]): void => {
    if (covered(path)) return
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
    if (isObject && path.length < MAX_DEPTH && partlyCovered(path)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key])
    } else {
      found(path)
    }
  }
  for (const name of Object.keys(event)) {
    if (coveredNames.has(name)) continue
    if (namesBelow.has(name)) walk((event as Record<string, unknown>)[name], [name])
    else if (paths.length < limit) found([name])
    else total += 1
  }
  return { paths, total }
}
