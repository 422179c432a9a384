import { EXCEL_CELL_LIMIT } from '../../core/csvCell'
import { isNumberCharacter, isPlainKey, isPlainNumber } from './compactJsonb'
import { BACKSLASH, BRACE, BRACE_END, BRACKET, BRACKET_END, COMMA, MINUS, QUOTE, SPACE } from './byteCodes'

/** Keys whose answer is remembered per export, by their bytes (a payload's keys repeat from row to row). */
const KEYS_KEPT = 4096
/** Objects and arrays open at once that a row's bytes are compacted through; a deeper one is left to the writer. */
const MAX_DEPTH = 64

interface KnownKey {
  bytes: Buffer
  plain: boolean
  next: KnownKey | undefined
}

/**
 * `isPlainKey` of a key given as its UTF-8 bytes, remembered by the bytes (a hash, then the bytes compared):
 * no text is made for a key seen before.
 */
export function plainKeyBytes(isSecret: (key: string) => boolean): (row: Buffer, start: number, end: number) => boolean {
  const known = new Map<number, KnownKey>()
  return (row, start, end) => {
    // FNV-1a, kept small enough to be a small integer as a Map key.
    let hash = 0x811c9dc5
    for (let at = start; at < end; at += 1) hash = Math.imul(hash ^ (row[at] as number), 0x01000193)
    hash &= 0x3fffffff
    const first = known.get(hash)
    for (let entry = first; entry !== undefined; entry = entry.next) {
      const { bytes } = entry
      if (bytes.length !== end - start) continue
      let at = 0
      while (at < bytes.length && bytes[at] === row[start + at]) at += 1
      if (at === bytes.length) return entry.plain
    }
    const plain = isPlainKey(row.toString('utf8', start, end), isSecret)
    if (known.size < KEYS_KEPT) known.set(hash, { bytes: Buffer.from(row.subarray(start, end)), plain, next: first })
    return plain
  }
}

// Per open object or array, from the outside in: 1 for an object.
const objects = new Uint8Array(MAX_DEPTH)

/**
 * The cell `compactJsonbCell` makes of an object's or array's JSON text, made from the text's UTF-8 bytes
 * (`row` from `start` to `end`, starting with `{` or `[`) and written into `out` at `at`; returns where the
 * cell ends there, or -1 where it gives `undefined` or where the bytes hold a backslash (an escape: the text is
 * then read the general way). `out` must have room for twice the bytes and two more.
 */
export function jsonCellBytes(
  row: Buffer,
  start: number,
  end: number,
  out: Buffer,
  at: number,
  plainKey: (row: Buffer, start: number, end: number) => boolean,
): number {
  // The cell's opening quote is written first; a cell that needs none is moved back over it at the end.
  let to = at + 1
  let quoted = false
  let doubled = 0
  let depth = 0
  let expectKey = false
  for (let from = start; from < end;) {
    const code = row[from] as number
    if (code === QUOTE) {
      // Without a backslash, a string ends at its next quote.
      let close = from + 1
      for (; close < end && row[close] !== QUOTE; close += 1) if (row[close] === BACKSLASH) return -1
      if (close === end) return -1
      if (expectKey) {
        if (!plainKey(row, from + 1, close)) return -1
        expectKey = false
      }
      out[to++] = QUOTE
      out[to++] = QUOTE
      for (let inside = from + 1; inside < close; inside += 1) out[to++] = row[inside] as number
      out[to++] = QUOTE
      out[to++] = QUOTE
      doubled += 2
      quoted = true
      from = close + 1
    } else if (code === SPACE) from += 1
    else if (code === MINUS || (code >= 48 && code <= 57)) {
      const token = from
      while (from < end && isNumberCharacter(row[from] as number)) out[to++] = row[from++] as number
      if (!isPlainNumber(row.toString('latin1', token, from))) return -1
    } else {
      if (code === BACKSLASH) return -1
      if (code === BRACE || code === BRACKET) {
        if (depth === MAX_DEPTH) return -1
        objects[depth++] = code === BRACE ? 1 : 0
        expectKey = code === BRACE
      } else if (code === BRACE_END || code === BRACKET_END) {
        if (depth > 0) depth -= 1
      } else if (code === COMMA) {
        expectKey = depth > 0 && objects[depth - 1] === 1
        quoted = true
      }
      out[to++] = code
      from += 1
    }
  }
  // The compact text's bytes, at least its length in UTF-16 units: within the limit in bytes is within it.
  if (to - at - 1 - doubled > EXCEL_CELL_LIMIT) return -1
  if (quoted) {
    out[at] = QUOTE
    out[to++] = QUOTE
    return to
  }
  out.copyWithin(at, at + 1, to)
  return to - 1
}
