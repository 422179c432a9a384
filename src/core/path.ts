const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor'])
const PATH_PATTERN = /^[^.\s]+(\.[^.\s]+)*$/

/** Whether `path` is a usable dot path: non-empty segments, no whitespace, nothing that reaches a prototype. */
export function isValidPath(path: string): boolean {
  return PATH_PATTERN.test(path) && !path.split('.').some((segment) => FORBIDDEN_SEGMENTS.has(segment))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/**
 * Reads a dot path (`user.email`) from a value, following own properties only. A key that exists
 * literally (`{ "user.email": … }`) wins over the nested path.
 */
export function getPath(source: unknown, path: string): unknown {
  if (!isRecord(source)) return undefined
  if (Object.hasOwn(source, path)) return source[path]
  let current: unknown = source
  for (const segment of path.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, segment)) return undefined
    current = current[segment]
  }
  return current
}
