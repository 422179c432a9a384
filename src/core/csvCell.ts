// One cell of a CSV export: a field's value as text, made safe for spreadsheets.
import { isExported, readValue } from './fields'
import { type CellText, cellText, toCompactJson } from './format'
import { isHiddenValue } from './sensitive'
import { subMillisecondDigits, toEpochMs, toZonedIso, withSubMilliseconds } from './time'
import type { AuditEvent, AuditField, AuditFieldType } from './types'

/** Excel's limit for one cell; longer text is cut with `TRUNCATION_MARKER` at the end. */
export const EXCEL_CELL_LIMIT = 32_767
export const TRUNCATION_MARKER = '…[truncated]'
export const UTF8_BOM = '\uFEFF'

/** A plain decimal number as text: harmless in any spreadsheet, so it is never altered. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
/**
 * Text a spreadsheet may run as a formula: it starts with = + - @ tab CR LF or NUL, also after leading
 * spaces or quotes. The check looks at the start of the whole cell, multi-line values included
 * (papaparse's `escapeFormulae` misses those).
 */
const FORMULA_START = /^[\s"']*[=+\-@\t\r\n\0]/

/** Prefixes `'` to text a spreadsheet would treat as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text.trim()) ? `'${text}` : text
}

export interface CsvValueOptions {
  /** The zone times are written in, as ISO-8601 with that zone's offset. */
  timeZone?: string | undefined
}

/**
 * Whether a time is written as a UTC export writes it: `YYYY-MM-DDTHH:MM:SS.sssZ`, what
 * `Date.prototype.toISOString` gives. Such a text is its own cell, without a `Date` per cell: on a real day,
 * parsing it and writing it back gives the same characters, and on an impossible one (`2026-02-30`) the
 * cell is the text as it came anyway.
 */
function isCanonicalUtc(value: string): boolean {
  if (value.length !== 24 || value.charCodeAt(23) !== 90 /* Z */ || value.charCodeAt(10) !== 84 /* T */) return false
  for (let at = 0; at < 23; at += 1) {
    const code = value.charCodeAt(at)
    const separator = CANONICAL_SEPARATORS[at]
    if (separator === undefined ? code < 48 || code > 57 : code !== separator) return false
  }
  return true
}

// The separators of `YYYY-MM-DDTHH:MM:SS.sss` by position; every other position is a digit.
const CANONICAL_SEPARATORS: readonly (number | undefined)[] = Array.from('YYYY-MM-DDTHH:MM:SS.sss', (character) =>
  /[-T:.]/.test(character) ? character.charCodeAt(0) : undefined,
)

export const isUtcZone = (timeZone: string | undefined): boolean => timeZone === 'UTC' || timeZone === 'Etc/UTC'

/** A present value as a CSV writes it: times as ISO-8601 with offset, numbers as plain digits, objects as compact JSON. */
export function csvByType(type: AuditFieldType | undefined, value: unknown, timeZone: string | undefined): string {
  if (type === 'datetime') {
    if (typeof value === 'string' && isUtcZone(timeZone) && isCanonicalUtc(value)) return value
    const ms = toEpochMs(value)
    // Full precision: microseconds and nanoseconds written as they came.
    if (ms !== null) return withSubMilliseconds(toZonedIso(ms, timeZone), subMillisecondDigits(value))
  }
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  // What the backend hid stays hidden in the file, whatever the column's `csvRaw` says.
  if (isHiddenValue(value)) return `[hidden: ${value.$hidden}]`
  return toCompactJson(value)
}

/**
 * A field's text in a CSV and whether the host's `value` or `format` threw for it: its own `format`, else
 * by type; missing values give an empty cell.
 */
export function csvCell<TEvent extends AuditEvent>(field: AuditField<TEvent>, event: TEvent, options: CsvValueOptions = {}): CellText {
  const read = readValue(field, event)
  const cell = cellText(field, read.value, event, (value) => csvByType(field.type, value, options.timeZone))
  return read.failed ? { text: cell.text, failed: true } : cell
}

/** A field's text in a CSV: its own `format`, else by type; missing values give an empty cell. */
export const csvValue = <TEvent extends AuditEvent>(field: AuditField<TEvent>, event: TEvent, options: CsvValueOptions = {}): string =>
  csvCell(field, event, options).text

/** One cell, made safe: formula neutralised (unless `raw`), cut to Excel's limit. */
export function safeCell(text: string, raw = false): { text: string; truncated: boolean } {
  const safe = raw ? text : neutraliseFormula(text)
  if (safe.length <= EXCEL_CELL_LIMIT) return { text: safe, truncated: false }
  return { text: safe.slice(0, EXCEL_CELL_LIMIT - TRUNCATION_MARKER.length) + TRUNCATION_MARKER, truncated: true }
}

/** Compiles the data structure to CSV columns: the exported fields, in order (independent of `shown`). */
export function csvColumns<TEvent extends AuditEvent>(fields: readonly AuditField<TEvent>[]): AuditField<TEvent>[] {
  return fields.filter(isExported)
}
