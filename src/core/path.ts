const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor'])

// One step of a path: `.name`, `[0]`, `["a.b/c"]` or `['a.b']` (a backslash escapes the quote or itself).
const STEP = /\.([^.\s[\]"']+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['((?:[^'\\]|\\.)*)'\]/y
const FIRST = /[^.\s[\]"']+/y

const parsed = new Map<string, readonly string[] | null>()
const MAX_CACHED = 1000

/**
 * The property names a path walks, or `null` when it is no path. A path starts with a name and goes on with
 * `.name`, `[0]` (an array item) or `["name"]` (a name that holds dots, slashes or spaces, as Kubernetes'
 * `annotations["authorization.k8s.io/decision"]` or a claim URL).
 */
export function parsePath(path: string): readonly string[] | null {
  const known = parsed.get(path)
  if (known !== undefined) return known
  const segments: string[] = []
  FIRST.lastIndex = 0
  const first = FIRST.exec(path)
  let at = FIRST.lastIndex
  if (first) segments.push(first[0])
  while (first && at < path.length) {
    STEP.lastIndex = at
    const step = STEP.exec(path)
    if (!step) break
    const quoted = step[3] ?? step[4]
    segments.push(step[1] ?? step[2] ?? (quoted ?? '').replace(/\\(.)/g, '$1'))
    at = STEP.lastIndex
  }
  const result = first && at === path.length ? segments : null
  if (parsed.size >= MAX_CACHED) parsed.clear()
  parsed.set(path, result)
  return result
}

/** Whether `path` is a usable path (see `parsePath`): no whitespace outside quotes, nothing that reaches a prototype. */
export function isValidPath(path: string): boolean {
  const segments = parsePath(path)
  return segments !== null && !segments.some((segment) => FORBIDDEN_SEGMENTS.has(segment))
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
 * Reads a path (`user.email`, `sourceIPs[0]`, `annotations["authorization.k8s.io/decision"]`) from a value:
 * nested own properties, one level per step. A property whose own name holds dots (`{ "user.email": … }`) is
 * read only by its bracketed name, never by the dot path, so it cannot pose as the nested value a field names.
 */
export const getPath = (source: unknown, path: string): unknown => {
  const segments = parsePath(path)
  return segments === null ? undefined : getAt(source, segments)
}
