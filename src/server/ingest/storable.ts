import { createHash } from 'node:crypto'

import { pathOfSegments, type StoredMark } from '../../core/marks'

/** The most characters of one text value kept whole. */
export const MAX_TEXT_VALUE = 32 * 1024
/** Deeper values are stored as their JSON text. */
export const MAX_DEPTH = 64
/** What is kept of a value shortened to make a large event fit. */
const PREVIEW = 1024
/** An original kept whole in its mark up to this many characters of JSON text. */
const KEEP_ORIGINAL = 4 * 1024
const MAX_MARKS = 1000
/** Properties that are the event's identity: never shortened to make it fit. */
const CORE = new Set(['id', 'createdAt', 'tenantId', 'receivedAt', 'marks'])

// NUL, and a UTF-16 surrogate without its partner: text PostgreSQL cannot store.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g')
// The same in JSON text, as JSON.stringify writes them: an escape not preceded by an escaped backslash.
const UNSTORABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/** The first `length` characters, not ending inside a surrogate pair. */
function prefix(text: string, length: number): string {
  const cut = text.slice(0, length)
  const last = cut.charCodeAt(cut.length - 1)
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut
}

/** A long text value, remembered so it can be shortened further if the event is still too large. */
interface LongText {
  holder: Record<string, unknown> | unknown[]
  key: string | number
  original: string
  mark: StoredMark | null
  path: string
}

/** Builds the storable copy of an event and the marks that say what changed. */
class Storable {
  readonly marks: StoredMark[] = []
  readonly texts: LongText[] = []

  private mark(mark: StoredMark): StoredMark {
    this.marks.push(mark)
    return mark
  }

  /** A whole original in a mark when it is small; its length and digest otherwise. */
  private original(json: string, length: number): Pick<StoredMark, 'original' | 'length' | 'sha256'> {
    return json.length <= KEEP_ORIGINAL ? { original: json } : { length, sha256: sha256(json) }
  }

  text(value: string, segments: ReadonlyArray<string | number>, flattened = false): { value: string; mark: StoredMark | null } {
    const bad = UNSTORABLE.test(value)
    if (!bad && value.length <= MAX_TEXT_VALUE && !flattened) return { value, mark: null }
    const path = pathOfSegments(segments)
    const clean = bad ? value.replace(UNSTORABLE_ALL, '\uFFFD') : value
    if (value.length > MAX_TEXT_VALUE) {
      const mark = this.mark({
        path,
        kind: flattened ? 'flattened' : 'truncated',
        length: value.length,
        sha256: sha256(JSON.stringify(value)),
        ...(bad ? { replaced: true } : {}),
      })
      return { value: prefix(clean, MAX_TEXT_VALUE), mark }
    }
    if (flattened) return { value: clean, mark: this.mark({ path, kind: 'flattened', ...(bad ? { replaced: true } : {}) }) }
    return { value: clean, mark: this.mark({ path, kind: 'replaced', ...this.original(JSON.stringify(value), value.length) }) }
  }

  value(value: unknown, segments: Array<string | number>, depth: number): unknown {
    if (typeof value === 'string') return this.text(value, segments).value
    if (typeof value !== 'object' || value === null) return value
    if (depth >= MAX_DEPTH) return this.text(JSON.stringify(value), segments, true).value
    if (Array.isArray(value)) {
      const copy: unknown[] = []
      for (const [index, item] of value.entries()) copy.push(this.child(copy, index, item, [...segments, index], depth))
      return copy
    }
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      let name = key
      if (UNSTORABLE.test(key)) {
        name = key.replace(UNSTORABLE_ALL, '\uFFFD')
        while (Object.hasOwn(copy, name) || Object.hasOwn(value, name)) name += '\uFFFD'
        this.mark({ path: pathOfSegments([...segments, name]), kind: 'renamed', original: JSON.stringify(key) })
      }
      // defineProperty: a name such as "__proto__" stays an own property, as JSON.parse made it.
      Object.defineProperty(copy, name, {
        value: this.child(copy, name, item, [...segments, name], depth),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return copy
  }

  private child(holder: LongText['holder'], key: string | number, item: unknown, segments: Array<string | number>, depth: number): unknown {
    if (typeof item !== 'string') return this.value(item, segments, depth + 1)
    const { value, mark } = this.text(item, segments)
    if (item.length > PREVIEW) this.texts.push({ holder, key, original: item, mark, path: pathOfSegments(segments) })
    return value
  }
}

/** Shortens a long text to its preview; its mark (or a new one) keeps the original's length and digest. */
function shorten(text: LongText, marks: StoredMark[]): void {
  const holder = text.holder as Record<string | number, unknown>
  holder[text.key] = prefix(String(holder[text.key]), PREVIEW)
  const digest = { length: text.original.length, sha256: sha256(JSON.stringify(text.original)) }
  if (!text.mark) {
    marks.push({ path: text.path, kind: 'truncated', ...digest })
    return
  }
  const replaced = text.mark.kind === 'replaced' || text.mark.replaced === true
  if (text.mark.kind === 'replaced') text.mark.kind = 'truncated'
  delete text.mark.original
  Object.assign(text.mark, digest, replaced ? { replaced } : {})
}

const sizeOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value))

/**
 * The event as PostgreSQL can store it, at most `maxBytes` of JSON, with a mark for each change: text with NUL
 * or lone surrogates gets U+FFFD (the original kept in the mark), text over 32 KiB keeps its beginning (with
 * the original's length and SHA-256), values nested over 64 deep become their JSON text. An event still too
 * large then has its longest texts shortened, and at last its largest properties, never its identity. Nothing
 * an actor typed keeps the event out. `marks` are ones the caller found already (the clock); all end up in
 * the event's `marks`.
 */
export function storableEvent(
  event: Record<string, unknown>,
  maxBytes: number,
  marks: readonly StoredMark[] = [],
): { data: Record<string, unknown>; marks: StoredMark[] } {
  const json = JSON.stringify(event)
  if (marks.length === 0 && json.length <= MAX_TEXT_VALUE && !UNSTORABLE_ESCAPE.test(json)) return { data: event, marks: [] }
  const builder = new Storable()
  builder.marks.push(...marks)
  const data = builder.value(event, [], 0) as Record<string, unknown>
  const withMarks = (): Record<string, unknown> => {
    const list = builder.marks.length > MAX_MARKS ? builder.marks.slice(0, MAX_MARKS) : builder.marks
    return list.length === 0 ? data : { ...data, marks: list }
  }
  if (sizeOf(withMarks()) <= maxBytes) return { data: withMarks(), marks: builder.marks }

  // Too large: shorten the longest texts first (sizes estimated as they go, checked at each stage's end),
  // then drop originals kept in marks, then store the largest properties as a preview of their JSON text.
  let size = sizeOf(withMarks())
  for (const text of [...builder.texts].sort((a, b) => b.original.length - a.original.length)) {
    if (size <= maxBytes) break
    const before = Buffer.byteLength(JSON.stringify((text.holder as Record<string | number, unknown>)[text.key]))
    shorten(text, builder.marks)
    size -= before - Buffer.byteLength(JSON.stringify((text.holder as Record<string | number, unknown>)[text.key])) - 200
  }
  if (sizeOf(withMarks()) <= maxBytes) return { data: withMarks(), marks: builder.marks }
  for (const mark of builder.marks) {
    if (mark.original === undefined || mark.original.length <= PREVIEW) continue
    Object.assign(mark, { length: mark.original.length, sha256: sha256(mark.original) })
    delete mark.original
  }
  const properties = Object.keys(data)
    .filter((key) => !CORE.has(key))
    .map((key) => ({ key, size: sizeOf(data[key]) }))
    .sort((a, b) => b.size - a.size)
  for (const { key } of properties) {
    if (sizeOf(withMarks()) <= maxBytes) break
    const whole = JSON.stringify(data[key])
    data[key] = prefix(whole, PREVIEW)
    builder.marks.push({ path: pathOfSegments([key]), kind: 'flattened', length: whole.length, sha256: sha256(whole) })
  }
  return { data: withMarks(), marks: builder.marks }
}
