// What an export is asked and what it answers: shared by the export in the browser and the server's.
import type { AuditLogsAdapter } from '../adapter/types'
import type { AuditEvent, AuditField, AuditSearch } from '../core/types'
import type { GetEventId } from '../core/eventId'
import type { CsvSink } from './sinks'

export interface CsvExportProgress {
  /** Data rows written so far. */
  written: number
  /** Matching events, when the adapter says. */
  total: number | undefined
}

export interface CsvExportOptions<TEvent extends AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  search: AuditSearch
  fields: readonly AuditField<TEvent>[]
  timeZone: string | undefined
  sink: CsvSink
  signal: AbortSignal
  /** `'loaded'` writes only `loadedEvents` (the rows on screen); `'all'` pages through every match. */
  scope: 'all' | 'loaded'
  loadedEvents?: readonly TEvent[]
  /** Events per adapter request. Defaults to `500`. */
  pageSize?: number
  /** Set this to `false` to leave out the UTF-8 BOM. Defaults to `true`. */
  bom?: boolean
  /** The export's start; an open-ended range is pinned to it. Defaults to now. */
  now?: number
  /** Called as rows are written: at most every 100 ms (a re-render each time), and once all are. */
  onProgress?: (progress: CsvExportProgress) => void
  /** The file's name, passed to a server-side export. */
  fileName?: string
  /** The tenant, passed to every adapter call. */
  tenantId?: string | undefined
  /** How events are told apart (see `AuditLogs`' `getId`); defaults to their `id`. */
  getId?: GetEventId<TEvent> | undefined
  /**
   * Set this to `true` to write the rows of an export of more than one page in a module Worker, where the
   * browser starts one (the same bytes; fields with a `value` or `format` function are still read on the
   * main thread, as only there can they run). It pays off only with a core to spare: on a busy machine the
   * Worker is starved and the export takes longer (docs/performance.md has the figures). Defaults to `false`.
   */
  worker?: boolean
}

export interface CsvExportResult {
  /** Data rows written; `undefined` when the server made the file. */
  rows: number | undefined
  /** Cells cut to Excel's 32,767-character limit. */
  truncatedCells: number
  /** Cells whose host `value` or `format` function threw: written as they are without it. */
  failedCells: number
  /** Events the adapter sent from outside the searched range: left out of the file. */
  outsideRange: number
  /** Exact copies of an event an earlier page held (pages that overlapped): written once. */
  merged: number
}
