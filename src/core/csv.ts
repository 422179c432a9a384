import { isExported, readValue } from './fields'
import { type CellText, cellText, isMissing, toCompactJson } from './format'
import { getAt, parsePath } from './path'
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

const isUtcZone = (timeZone: string | undefined): boolean => timeZone === 'UTC' || timeZone === 'Etc/UTC'

/** A present value as a CSV writes it: times as ISO-8601 with offset, numbers as plain digits, objects as compact JSON. */
function csvByType(type: AuditFieldType | undefined, value: unknown, timeZone: string | undefined): string {
  if (type === 'datetime') {
    if (typeof value === 'string' && isUtcZone(timeZone) && isCanonicalUtc(value)) return value
    const ms = toEpochMs(value)
    // Full precision: microseconds and nanoseconds written as they came.
    if (ms !== null) return withSubMilliseconds(toZonedIso(ms, timeZone), subMillisecondDigits(value))
  }
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
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

/** papaparse's `unparse`, injected so this module stays free of it (it loads on the first export). */
export type Unparse = (
  rows: string[][],
  config: { quotes: (value: unknown) => boolean; newline: string; header: false; escapeFormulae: false },
) => string

export interface CsvWriter<TEvent extends AuditEvent> {
  /** The header row (with the BOM when on), CRLF-terminated. */
  header(): string
  /**
   * Data rows for some events, CRLF-terminated; `truncated` counts cells cut to Excel's limit, `failed`
   * cells whose host `value` or `format` threw (written as they are without it).
   */
  rows(events: readonly TEvent[]): { text: string; truncated: number; failed: number }
}

export interface CsvWriterOptions<TEvent extends AuditEvent> extends CsvValueOptions {
  fields: readonly AuditField<TEvent>[]
  /**
   * papaparse's `unparse`, to write the rows with it. Without it the writer quotes and escapes cells itself,
   * to the same bytes, several times faster.
   */
  unparse?: Unparse | undefined
  /** Set this to `false` to leave out the UTF-8 byte-order mark Excel needs to read UTF-8. Defaults to `true`. */
  bom?: boolean
}

/** Rows end in CRLF; neutralised cells are quoted; papaparse doubles quotes and quotes what needs it. */
const CONFIG = {
  newline: '\r\n',
  header: false,
  escapeFormulae: false,
  quotes: (value: unknown) => typeof value === 'string' && value.startsWith("'"),
} as const

// What makes papaparse quote a cell (with CONFIG): a quote, comma, CR, LF or BOM anywhere, a space at either
// end, or the `'` of a neutralised formula at the start.
const NEEDS_QUOTES = /[",\r\n\uFEFF]/
const QUOTES = /"/g

/** One cell as papaparse's `unparse` writes it with CONFIG (the writer's tests hold the two to the same bytes). */
function quoteCell(text: string): string {
  if (text === '') return text
  const first = text.charCodeAt(0)
  if (first !== 39 /* ' */ && first !== 32 && text.charCodeAt(text.length - 1) !== 32 && !NEEDS_QUOTES.test(text)) return text
  return `"${text.includes('"') ? text.replace(QUOTES, '""') : text}"`
}

/** Whether text cannot start a formula, by its first character alone: a letter or digit (most cells). */
function startsPlainly(text: string): boolean {
  const code = text.charCodeAt(0)
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

/** Writes events as CSV, page by page: the exported fields, in order, their labels as headers. */
export function createCsvWriter<TEvent extends AuditEvent>(options: CsvWriterOptions<TEvent>): CsvWriter<TEvent> {
  const columns = csvColumns(options.fields)
  const { unparse, bom = true, timeZone } = options
  // One writer per column, made once: a plain dot-path field (most of them) reads and writes its value
  // without the bookkeeping a host's `value` or `format` needs, over millions of cells.
  let failed = 0
  const writers = columns.map((field): ((event: TEvent) => string) => {
    if (field.value || field.format || field.timeFormat !== undefined) {
      return (event) => {
        const cell = csvCell(field, event, { timeZone })
        if (cell.failed) failed += 1
        return cell.text
      }
    }
    const path = parsePath(field.key) ?? []
    return (event) => {
      const value = getAt(event, path)
      return isMissing(value) ? '' : csvByType(field.type, value, timeZone)
    }
  })
  const raw = columns.map((field) => field.csvRaw === true)
  const header = (text: string): string => (bom ? UTF8_BOM : '') + text + '\r\n'

  if (unparse) {
    return {
      header: () => header(unparse([columns.map((field) => safeCell(field.label).text)], CONFIG)),
      rows(events) {
        let truncated = 0
        failed = 0
        const rows = events.map((event) =>
          writers.map((write, column) => {
            const cell = safeCell(write(event), raw[column])
            if (cell.truncated) truncated += 1
            return cell.text
          }),
        )
        return { text: rows.length === 0 ? '' : unparse(rows, CONFIG) + '\r\n', truncated, failed }
      },
    }
  }

  const count = columns.length
  return {
    header: () => header(columns.map((field) => quoteCell(safeCell(field.label).text)).join(',')),
    rows(events) {
      let truncated = 0
      failed = 0
      let text = ''
      for (const event of events) {
        for (let column = 0; column < count; column += 1) {
          // `writers` and `raw` have one entry per column.
          let cell = (writers[column] as (event: TEvent) => string)(event)
          if (cell !== '' && raw[column] !== true && !startsPlainly(cell)) cell = neutraliseFormula(cell)
          if (cell.length > EXCEL_CELL_LIMIT) {
            cell = safeCell(cell, true).text
            truncated += 1
          }
          text += column === 0 ? quoteCell(cell) : `,${quoteCell(cell)}`
        }
        text += '\r\n'
      }
      return { text, truncated, failed }
    },
  }
}
