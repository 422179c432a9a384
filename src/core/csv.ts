import { csvColumns, type CsvValueOptions, safeCell, UTF8_BOM } from './csvCell'
import { compileCsvColumns, createCsvCellCache, csvColumnText, quoteCell, readCsvCells, writeCsvRows, type CsvColumnSpec } from './csvRows'
import type { AuditEvent, AuditField } from './types'

// Also importable from the writer, as the package's entry and the server do.
export { csvColumns, csvValue, neutraliseFormula } from './csvCell'
export { compileCsvColumns, createCsvCellCache, writeCsvRows } from './csvRows'

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
