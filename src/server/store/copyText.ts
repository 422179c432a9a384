/**
 * PostgreSQL's COPY text format (`COPY … TO STDOUT`, the default format), read back: a row is its columns
 * separated by tabs, ended by a newline; NULL is `\N`; in a value a backslash escapes itself and the control
 * characters COPY writes as `\b \f \n \r \t \v`. Tab, newline and backslash are ASCII, so they are never part
 * of a multi-byte UTF-8 character: a row can be decoded to text whole and split there.
 */

const TAB = '\t'
const BACKSLASH = '\\'
const NEWLINE = 10

const ESCAPED: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' }
// COPY's own output escapes only these; any other escaped character stands for itself, as COPY FROM reads it.
const ESCAPE = /\\(.)/gs

/** One value of a row, its escapes undone; `null` for `\N`. */
function unescapeValue(line: string, start: number, end: number): string | null {
  if (end - start === 2 && line.charCodeAt(start) === 92 && line.charCodeAt(start + 1) === 78 /* N */) return null
  return line.slice(start, end).replace(ESCAPE, (_, character: string) => ESCAPED[character] ?? character)
}

/**
 * Splits one row of COPY's text format (one CopyData message's text, its newline included or not) into
 * `fields`, which it overwrites from the start; returns how many it wrote.
 */
export function splitCopyRow(line: string, fields: (string | null)[]): number {
  const end = line.charCodeAt(line.length - 1) === NEWLINE ? line.length - 1 : line.length
  // Most rows hold no backslash at all (no NULL, no escape): each value is then its slice, as it is.
  const escaped = line.indexOf(BACKSLASH) !== -1
  let count = 0
  let start = 0
  for (;;) {
    let tab = line.indexOf(TAB, start)
    if (tab === -1 || tab > end) tab = end
    fields[count] = escaped ? unescapeValue(line, start, tab) : line.slice(start, tab)
    count += 1
    if (tab === end) return count
    start = tab + 1
  }
}

/**
 * The last value of a row of COPY's text format read as a number, as `Number` reads its text (`null` for
 * `\N`): the export's `seq`, read from the bytes without decoding the row.
 */
export function lastCopyNumber(row: Buffer): number | null {
  const end = row[row.length - 1] === NEWLINE ? row.length - 1 : row.length
  let start = end
  while (start > 0 && row[start - 1] !== 9 /* tab */) start -= 1
  if (end - start === 2 && row[start] === 92 /* \\ */ && row[start + 1] === 78 /* N */) return null
  // Up to 15 digits, a number is exactly its digits' value.
  let value = end > start && end - start <= 15 ? 0 : -1
  for (let at = start; at < end && value !== -1; at += 1) {
    const digit = (row[at] as number) - 48
    value = digit >= 0 && digit <= 9 ? value * 10 + digit : -1
  }
  return value !== -1 ? value : Number(row.toString('utf8', start, end))
}
