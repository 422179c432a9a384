import { isValidPath } from './path'
import type { StoredMark, StoredMarkKind } from './problems'
import { isRecord } from './isRecord'

// Readers of marks find their types here too; they are defined with the other problem kinds.
export type { StoredMark, StoredMarkKind }

const KINDS: ReadonlySet<string> = new Set<StoredMarkKind>([
  'replaced',
  'truncated',
  'flattened',
  'renamed',
  'reserved',
  'clock-ahead',
  'clock-behind',
])
const MAX_READ = 1000

/** One mark, when `value` is one (event data is never trusted: anything else is left out). */
function readMark(value: unknown): StoredMark | null {
  if (!isRecord(value) || typeof value.path !== 'string' || typeof value.kind !== 'string' || !KINDS.has(value.kind)) return null
  const mark: StoredMark = { path: value.path, kind: value.kind as StoredMarkKind }
  if (typeof value.original === 'string') mark.original = value.original
  if (typeof value.length === 'number' && Number.isFinite(value.length)) mark.length = value.length
  if (typeof value.sha256 === 'string' && /^[0-9a-f]{64}$/.test(value.sha256)) mark.sha256 = value.sha256
  if (typeof value.byMs === 'number' && Number.isFinite(value.byMs)) mark.byMs = value.byMs
  if (value.replaced === true) mark.replaced = true
  return mark
}

/** The marks an event carries (its `marks` list), the readable ones, at most a thousand. */
export function readMarks(event: unknown): StoredMark[] {
  const list = isRecord(event) ? event.marks : undefined
  if (!Array.isArray(list)) return []
  return list
    .slice(0, MAX_READ)
    .map(readMark)
    .filter((mark): mark is StoredMark => mark !== null)
}

const NAME = /^[^.\s[\]"']+$/

/** A field path from property names and array indexes (`['payload', 'items', 2]` → `payload.items[2]`). */
export function pathOfSegments(segments: ReadonlyArray<string | number>): string {
  let path = ''
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`
    else if (NAME.test(segment) && (path !== '' || isValidPath(segment))) path += path === '' ? segment : `.${segment}`
    else path += `[${JSON.stringify(segment)}]`
  }
  return path
}
