import { isValidPath } from './path'

/**
 * What the server did to one value so that an event could be stored rather than refused, or what it noticed
 * about the event (its clock). The event keeps every mark in its `marks` list.
 *
 * - `replaced`: the text held characters PostgreSQL cannot store (NUL, a lone UTF-16 surrogate); each is now
 *   U+FFFD. `original` is the exact original as JSON text (`JSON.parse` gives it back) when it was small.
 * - `truncated`: the value was too long; its beginning is kept, with the original's `length` and `sha256`.
 * - `flattened`: the value was nested too deeply or was too large as a whole; it is now its JSON text (maybe truncated).
 * - `renamed`: a property name held such characters; `original` is the name as JSON text.
 * - `reserved`: the producer sent a property the server owns (`receivedAt`, `marks`); `original` is what it sent.
 * - `clock-ahead` / `clock-behind`: `createdAt` was further from the server's `receivedAt` than the tolerance, by `byMs`.
 */
export type StoredMarkKind = 'replaced' | 'truncated' | 'flattened' | 'renamed' | 'reserved' | 'clock-ahead' | 'clock-behind'

export interface StoredMark {
  /** Where in the event, as a field path (`payload.userAgent`, `items[2]`); `''` for the event as a whole. */
  path: string
  kind: StoredMarkKind
  /** The original as JSON text, when it was small enough to keep whole. */
  original?: string
  /** The original's length: characters of text, or of JSON text for a flattened value. */
  length?: number
  /** SHA-256 (hex) of the original's JSON text in UTF-8, when it is not kept whole. */
  sha256?: string
  /** How far `createdAt` was from `receivedAt`, in milliseconds (clock marks). */
  byMs?: number
  /** Characters were replaced too (a truncated or flattened value). */
  replaced?: boolean
}

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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

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
