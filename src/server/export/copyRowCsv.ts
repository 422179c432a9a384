import { csvByType, EXCEL_CELL_LIMIT, isUtcZone } from '../../core/csvCell'
import type { ByteChunks } from './byteChunks'
import { jsonCellBytes, plainKeyBytes } from './copyJsonCell'
import { zonedTimeBytes } from './zonedTimeBytes'
import { BACKSLASH, BRACE, BRACKET, COMMA, CR, LETTER_N, LF, QUOTE, SPACE, TAB } from './byteCodes'

/**
 * How a column's cell is made from its value's JSON text: `value` takes a string as it is and an object or array
 * as `compactJsonbCell` writes it; `time` takes a time, written as `csvByType` writes it in the export's zone.
 */
export type CopyCellKind = 'value' | 'time'

/** One column of the file: the read path whose value it writes (its field in the COPY row), and how. */
export interface CopyColumn {
  index: number
  kind: CopyCellKind
}

// The separators of `YYYY-MM-DDTHH:MM:SS.sssZ` by position; every other position is a digit.
const UTC_TIME = Array.from('0000-00-00T00:00:00.000Z', (character) => (character === '0' ? -1 : character.charCodeAt(0)))

/** A letter or digit: a cell starting with one is never a formula (what the writer's guard looks at first). */
const isAlphanumeric = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

/**
 * Writes a time (a JSON string's value, between its quotes) as its cell, as `stringCell` does: a time in the UTC
 * form (`…T…Z`) is written from its bytes, as it is in a UTC export and moved to the zone in another
 * (`zonedTimeBytes`); any other is written as `csvByType` writes it, where that is a plain cell.
 */
function timeCell(row: Buffer, start: number, end: number, timeZone: string, out: Buffer, at: number): number {
  if (start === end) return at
  let canonical = end - start === UTC_TIME.length
  for (let offset = 0; offset < end - start; offset += 1) {
    const code = row[start + offset] as number
    // A time is ASCII: anything else, or an escape, is read the general way.
    if (code >= 128 || code === BACKSLASH) return -1
    const expected = UTC_TIME[offset]
    canonical &&= expected === -1 ? code >= 48 && code <= 57 : code === expected
    out[at + offset] = code
  }
  if (canonical) {
    if (isUtcZone(timeZone)) return at + UTC_TIME.length
    const written = zonedTimeBytes(row, start, timeZone, out, at)
    if (written !== -1) return written
  }
  const text = csvByType('datetime', row.toString('latin1', start, end), timeZone)
  // Written as it is by the writer: starting with a letter or digit, nothing to quote, within a cell's limit; and within
  // the room made for the value (twice its bytes), which a time written in full could outgrow.
  if (!isAlphanumeric(text.charCodeAt(0)) || text.length > EXCEL_CELL_LIMIT || text.length > 2 * (end - start)) return -1
  for (let offset = 0; offset < text.length; offset += 1) {
    const code = text.charCodeAt(offset)
    if (code >= 128 || code <= SPACE || code === QUOTE || code === COMMA) return -1
    out[at + offset] = code
  }
  return at + text.length
}

/**
 * Writes a JSON string's value as its CSV cell as the writer makes it, from the string's UTF-8 bytes (between
 * its quotes) into `out` at `at`; returns where the cell ends, or -1 where the writer could write something else
 * (an escape, a possible formula, a value longer than a cell may be). A value starting with a letter or
 * digit is never guarded as a formula; a comma, a byte-order mark or a space at the end makes the writer quote
 * it (a quote, CR or LF would have come escaped).
 */
function stringCell(row: Buffer, start: number, end: number, out: Buffer, at: number): number {
  // An empty string is a missing value: an empty cell, whatever the column's type.
  if (start === end) return at
  // A UTF-16 unit takes one byte or more: a value within the limit in bytes is within it in units.
  if (!isAlphanumeric(row[start] as number) || end - start > EXCEL_CELL_LIMIT) return -1
  let to = at
  let quoted = row[end - 1] === SPACE
  for (let from = start; from < end; from += 1) {
    const code = row[from] as number
    if (code === BACKSLASH || code === QUOTE) return -1
    if (code === COMMA || (code === 0xef && row[from + 1] === 0xbb && row[from + 2] === 0xbf)) quoted = true
    out[to++] = code
  }
  if (!quoted) return to
  out.copyWithin(at + 1, at, to)
  out[at] = QUOTE
  out[to + 1] = QUOTE
  return to + 2
}

/**
 * A writer of CSV rows straight from rows of the export's COPY (`COPY … TO STDOUT` text: per read path its value
 * as JSON text, then `seq`), into `chunks`: the bytes of most values are their cell, or become it by a pass
 * over them (`jsonCellBytes`), without being decoded to text and written back. It returns `false`, having
 * written nothing, for a row it cannot write byte for byte as the CSV writer does (an escape, a number, a
 * possible formula, a key `compactJsonbCell` refuses…): the caller then writes that row the general way.
 */
export function copyRowCsv(
  columns: readonly CopyColumn[],
  fieldCount: number,
  timeZone: string,
  chunks: ByteChunks,
  isSecret: (key: string) => boolean,
) {
  // Field `i` of a row is its bytes from `starts[i]` to `starts[i + 1] - 1` (its tab or newline).
  const starts = new Int32Array(fieldCount + 1)
  const plainKey = plainKeyBytes(isSecret)
  return (row: Buffer): boolean => {
    const end = row[row.length - 1] === LF ? row.length - 1 : row.length
    let tab = -1
    for (let field = 1; field < fieldCount; field += 1) {
      tab = row.indexOf(TAB, tab + 1)
      if (tab === -1 || tab >= end) return false
      starts[field] = tab + 1
    }
    if (row.indexOf(TAB, tab + 1) !== -1) return false
    starts[fieldCount] = end + 1
    // Room for the row: a value's bytes at most twice (its quotes doubled), two quotes, a comma; and CRLF.
    let room = 2
    for (const { index } of columns) room += 2 * ((starts[index + 1] as number) - (starts[index] as number)) + 2
    const out = chunks.reserve(room)
    let at = chunks.end()
    for (let column = 0; column < columns.length; column += 1) {
      const { index, kind } = columns[column] as CopyColumn
      const start = starts[index] as number
      const stop = (starts[index + 1] as number) - 1
      if (column > 0) out[at++] = COMMA
      const first = row[start]
      if (first === QUOTE && stop - start >= 2 && row[stop - 1] === QUOTE) {
        at = kind === 'time' ? timeCell(row, start + 1, stop - 1, timeZone, out, at) : stringCell(row, start + 1, stop - 1, out, at)
      } else if ((first === BRACE || first === BRACKET) && kind === 'value') at = jsonCellBytes(row, start, stop, out, at, plainKey)
      // `\N`, the SQL NULL of a missing value, is an empty cell.
      else if (!(first === BACKSLASH && stop - start === 2 && row[start + 1] === LETTER_N)) return false
      if (at === -1) return false
    }
    out[at++] = CR
    out[at++] = LF
    chunks.commit(at)
    return true
  }
}
