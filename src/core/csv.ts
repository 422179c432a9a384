import { isExported, readValue } from './fields'
import { type CellText, cellText, isMissing, toCompactJson } from './format'
import { isHiddenValue } from './sensitive'
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

/** What a worker needs to know of a column to write it (see `compileCsvColumns`): plain data, cloneable. */
export interface CsvColumnSpec {
  type: AuditFieldType | undefined
  /** The column's values come as their final text: a host `value` or `format` function made them. */
  formatted: boolean
  /** Written as it is, formula characters included (`csvRaw`). */
  raw: boolean
}

/** The exported columns, compiled once per export: what each reads from an event, and how it is written. */
export interface CsvColumns<TEvent extends AuditEvent> {
  specs: CsvColumnSpec[]
  /** One reader per column: the value to write by type, or (for a `formatted` column) the cell's text. */
  readers: ((event: TEvent) => unknown)[]
  /** Cells whose host `value` or `format` threw since the last call (then counted from 0 again). */
  takeFailed(): number
}

/**
 * Compiles the exported fields to column readers. A plain dot-path field (most of them) reads its value
 * without the bookkeeping a host's `value` or `format` needs, over millions of cells; a field with host
 * functions is read to its final text here (those functions cannot run anywhere else, a Worker included).
 */
export function compileCsvColumns<TEvent extends AuditEvent>(
  fields: readonly AuditField<TEvent>[],
  timeZone: string | undefined,
): CsvColumns<TEvent> {
  let failed = 0
  const columns = csvColumns(fields)
  const readers = columns.map((field): ((event: TEvent) => unknown) => {
    if (field.value || field.format) {
      return (event) => {
        const cell = csvCell(field, event, { timeZone })
        if (cell.failed) failed += 1
        return cell.text
      }
    }
    // With no host `value`, reading cannot fail; `timeFormat` reads the time in its form (see `readValue`).
    if (field.timeFormat !== undefined) return (event) => readValue(field, event).value
    const path = parsePath(field.key) ?? []
    return (event) => getAt(event, path)
  })
  return {
    specs: columns.map((field) => ({ type: field.type, formatted: Boolean(field.value || field.format), raw: field.csvRaw === true })),
    readers,
    takeFailed() {
      const count = failed
      failed = 0
      return count
    },
  }
}

/** A read value's text in its column (before the formula guard, the cut and the quoting). */
export const csvColumnText = (spec: CsvColumnSpec, value: unknown, timeZone: string | undefined): string =>
  spec.formatted ? (value as string) : isMissing(value) ? '' : csvByType(spec.type, value, timeZone)

/** The read values of some events, row after row, one per column. */
export function readCsvCells<TEvent extends AuditEvent>(columns: CsvColumns<TEvent>, events: readonly TEvent[]): unknown[] {
  const { readers } = columns
  const cells = new Array<unknown>(events.length * readers.length)
  let at = 0
  for (const event of events) for (const read of readers) cells[at++] = read(event)
  return cells
}

/**
 * What a column's strings were written as, remembered per export: most columns of an audit log hold a few
 * values over and over (actions, severities, results, tenants, people), and a known value's cell is one map
 * lookup instead of the formula guard, the cut and the quoting. A column that keeps bringing new values
 * (times, addresses, ids) fills its map and is no longer remembered.
 */
export type CsvCellCache = (Map<string, string> | null)[]

/** Distinct values remembered per column before it counts as one of ever-new values. */
const CACHED_VALUES = 512
/** Longer values are written each time: they rarely repeat, and the map stays small. */
const CACHED_LENGTH = 128

/** A cache for `writeCsvRows`, one per export: `columns` maps, each filled as its values come. */
export const createCsvCellCache = (columns: number): CsvCellCache => Array.from({ length: columns }, () => new Map<string, string>())

/**
 * CSV rows, CRLF-terminated, from read values (`readCsvCells`; at least one column), and how many cells were
 * cut to Excel's limit.
 * The cells at the (ascending) indices of `texts` are already their column's text. Shared by the main thread
 * and the export's Worker, so both write the same bytes. With a `cache` (`createCsvCellCache`, for these
 * `specs` and `timeZone`), a string a column has written before is written as it was then.
 */
export function writeCsvRows(
  cells: readonly unknown[],
  specs: readonly CsvColumnSpec[],
  timeZone: string | undefined,
  texts: readonly number[] = [],
  cache?: CsvCellCache,
): { text: string; truncated: number } {
  const count = specs.length
  let truncated = 0
  let text = ''
  let nextText = texts[0] ?? -1
  let textAt = 0
  for (let at = 0, column = 0; at < cells.length; at += 1) {
    // `specs` has one entry per column.
    const spec = specs[column] as CsvColumnSpec
    const value = cells[at]
    const known = cache !== undefined && at !== nextText && typeof value === 'string' && value.length <= CACHED_LENGTH ? cache[column] : null
    let cell = known ? known.get(value as string) : undefined
    if (cell === undefined) {
      if (at === nextText) {
        cell = value as string
        textAt += 1
        nextText = texts[textAt] ?? -1
      } else cell = csvColumnText(spec, value, timeZone)
      if (cell !== '' && !spec.raw && !startsPlainly(cell)) cell = neutraliseFormula(cell)
      if (cell.length > EXCEL_CELL_LIMIT) {
        cell = safeCell(cell, true).text
        truncated += 1
      }
      cell = quoteCell(cell)
      // A short value is never cut, so its cell can be written again as it is.
      if (known && cache) {
        if (known.size < CACHED_VALUES) known.set(value as string, cell)
        else cache[column] = null
      }
    }
    text += column === 0 ? cell : `,${cell}`
    column += 1
    if (column === count) {
      text += '\r\n'
      column = 0
    }
  }
  return { text, truncated }
}

/** Writes events as CSV, page by page: the exported fields, in order, their labels as headers. */
export function createCsvWriter<TEvent extends AuditEvent>(options: CsvWriterOptions<TEvent>): CsvWriter<TEvent> {
  const { unparse, bom = true, timeZone } = options
  const columns = compileCsvColumns(options.fields, timeZone)
  const labels = csvColumns(options.fields).map((field) => safeCell(field.label).text)
  const header = (text: string): string => (bom ? UTF8_BOM : '') + text + '\r\n'

  if (unparse) {
    const { specs, readers } = columns
    return {
      header: () => header(unparse([labels], CONFIG)),
      rows(events) {
        let truncated = 0
        const rows = events.map((event) =>
          readers.map((read, column) => {
            const cell = safeCell(csvColumnText(specs[column] as CsvColumnSpec, read(event), timeZone), specs[column]?.raw)
            if (cell.truncated) truncated += 1
            return cell.text
          }),
        )
        return { text: rows.length === 0 ? '' : unparse(rows, CONFIG) + '\r\n', truncated, failed: columns.takeFailed() }
      },
    }
  }

  const cache = createCsvCellCache(columns.specs.length)
  return {
    header: () => header(labels.map(quoteCell).join(',')),
    rows(events) {
      // Without columns every row is empty, as papaparse writes it: one CRLF per event.
      if (columns.specs.length === 0) return { text: '\r\n'.repeat(events.length), truncated: 0, failed: 0 }
      const written = writeCsvRows(readCsvCells(columns, events), columns.specs, timeZone, [], cache)
      return { ...written, failed: columns.takeFailed() }
    },
  }
}
