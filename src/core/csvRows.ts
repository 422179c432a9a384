// CSV rows written fast from compiled columns: shared by the main thread and the export's Worker.
import { readValue } from './fields'
import { isMissing } from './format'
import { getAt, parsePath } from './path'
import type { AuditEvent, AuditField, AuditFieldType } from './types'
import { csvByType, csvCell, csvColumns, EXCEL_CELL_LIMIT, neutraliseFormula, safeCell } from './csvCell'

// What makes papaparse quote a cell (with CONFIG): a quote, comma, CR, LF or BOM anywhere, a space at either
// end, or the `'` of a neutralised formula at the start.
const NEEDS_QUOTES = /[",\r\n\uFEFF]/
const QUOTES = /"/g

/** One cell as papaparse's `unparse` writes it with CONFIG (the writer's tests hold the two to the same bytes). */
export function quoteCell(text: string): string {
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
 * The cells at the (ascending) indices of `texts` are already their column's text; with `textsAreCells`, they
 * are already their CSV cell (what this writes for such a text: never a formula, within Excel's limit,
 * quoted as `quoteCell` quotes) and are written as they are. Shared by the main thread and the export's
 * Worker, so both write the same bytes. With a `cache` (`createCsvCellCache`, for these `specs` and
 * `timeZone`), a string a column has written before is written as it was then.
 */
export function writeCsvRows(
  cells: readonly unknown[],
  specs: readonly CsvColumnSpec[],
  timeZone: string | undefined,
  texts: readonly number[] = [],
  cache?: CsvCellCache,
  textsAreCells = false,
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
    if (at === nextText && textsAreCells) {
      cell = value as string
      textAt += 1
      nextText = texts[textAt] ?? -1
    } else if (cell === undefined) {
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
