const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor'])
const PATH_PATTERN = /^[^.\s]+(\.[^.\s]+)*$/

/** Whether `path` is a usable dot path: non-empty segments, no whitespace, nothing that reaches a prototype. */
export function isValidPath(path: string): boolean {
  return PATH_PATTERN.test(path) && !path.split('.').some((segment) => FORBIDDEN_SEGMENTS.has(segment))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Reads a value by the names of its path's properties, one level each, following own properties only. */
export function getAt(source: unknown, segments: readonly string[]): unknown {
  let current = source
  for (const segment of segments) {
    if (!isRecord(current) || !Object.hasOwn(current, segment)) return undefined
    current = current[segment]
  }
  return current
}

/**
 * Reads a dot path (`user.email`) from a value: nested own properties, one level per segment. A property
 * whose own name holds dots (`{ "user.email": … }`) is never read for the path, so it cannot pose as the
 * nested value a field names; the drawer lists it under its own, quoted name.
 */
export const getPath = (source: unknown, path: string): unknown => getAt(source, path.split('.'))
