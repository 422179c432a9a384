import { abortableDelay } from '../adapter/delay'
import { AuditLogsError } from '../adapter/errors'
import { type AuditLogsAdapter, callOptions } from '../adapter/types'
import { validatePage } from '../adapter/validate'
import { compileCsvColumns, createCsvWriter, csvColumns, readCsvCells } from '../core/csv'
import { MAX_EMPTY_PAGES, type PagingStop, pagingStop } from '../core/paging'
import type { AuditEvent, AuditField, AuditPage, AuditQuery, AuditSearch } from '../core/types'
import type { GetEventId } from '../core/eventId'
import { createSeen, takeUnseen } from '../core/unseen'
import { splitByRange } from '../core/verify'
import { retryDelay, shouldRetry } from '../adapter/retryPolicy'
import { type CsvRowsWorker, prepareCells, startCsvWorker, type WrittenRows } from './csvWorkerClient'
import type { CsvSink } from './sinks'
import { triggerDownload } from './sinks'

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

const STOP_DETAIL: Record<PagingStop, string> = {
  'repeated-cursor': 'The adapter returned a cursor it had returned before.',
  'empty-pages': `The adapter returned ${MAX_EMPTY_PAGES} empty pages in a row, each with a next cursor.`,
}

/**
 * Pins an open or future end to the export's start, so events that arrive during the export do not shift
 * an offset-paged backend under it (which would repeat or skip rows).
 */
export function pinRange(search: AuditSearch, now: number): AuditSearch {
  const to = search.to ? Date.parse(search.to) : Number.NaN
  if (!Number.isNaN(to) && to <= now) return search
  return { ...search, to: new Date(now).toISOString() }
}

async function listWithRetry<TEvent extends AuditEvent>(
  adapter: AuditLogsAdapter<TEvent>,
  query: AuditQuery,
  signal: AbortSignal,
  tenantId: string | undefined,
): Promise<AuditPage> {
  for (let failures = 0; ; failures += 1) {
    try {
      return validatePage(await adapter.listEvents(query, callOptions(signal, tenantId)))
    } catch (error) {
      if (signal.aborted || !shouldRetry(failures, error)) throw error
      await abortableDelay(retryDelay(failures), signal)
    }
  }
}

/** Pages handed to the Worker and not yet written to the sink, at most. */
const MAX_PAGES_IN_FLIGHT = 4
/** The least time between two progress reports: each one re-renders the host's progress text. */
const PROGRESS_MS = 100
/** How long an export waits for its Worker to start before it writes on the main thread instead. */
const WORKER_START_MS = 3000

/** How long an export works before it lets the page handle input and paint: well under a 50 ms long task. */
const WORK_SLICE_MS = 16

/**
 * A new task, at once: `scheduler.yield()` where the browser has it, else a message to itself (a 0 ms timer
 * would wait at least 4 ms each time after a few in a row).
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/**
 * Writes every event of a search (or the loaded rows) to a CSV sink, page by page, so memory stays
 * bounded. Each id is written once even if pages overlap. On failure or cancel the sink is aborted, so no
 * file that looks complete is left behind.
 */
export async function runCsvExport<TEvent extends AuditEvent>(options: CsvExportOptions<TEvent>): Promise<CsvExportResult> {
  const { adapter, sink, signal, scope, pageSize = 500, onProgress } = options
  if (scope === 'all' && adapter.exportCsv) return runServerExport(options)
  const worker: { client: CsvRowsWorker | null; starting?: Promise<CsvRowsWorker | null>; waited?: boolean } = { client: null }
  try {
    // The writer quotes and escapes cells itself, to the bytes papaparse's `unparse` writes (csv.test.ts).
    const writer = createCsvWriter({ fields: options.fields, timeZone: options.timeZone, bom: options.bom })
    // The Worker's columns: read here (host functions run only here), written there.
    const columns = compileCsvColumns(options.fields, options.timeZone)
    await sink.write(writer.header())
    let written = 0
    let truncatedCells = 0
    let failedCells = 0
    let outsideRange = 0
    let latestTotal: number | undefined
    let reportedAt = Number.NEGATIVE_INFINITY
    let reportedRows = -1
    const report = (total: number | undefined, final = false): void => {
      if (!final) latestTotal = total
      const now = performance.now()
      if (final ? reportedRows === written : now - reportedAt < PROGRESS_MS) return
      reportedAt = now
      reportedRows = written
      // A total the rows already outnumber is contradicted: "500 of 10" would misstate, so none is said.
      onProgress?.({ written, total: latestTotal !== undefined && latestTotal >= written ? latestTotal : undefined })
    }
    // Pages the Worker is writing, oldest first: written to the sink in order, a few at a time, so memory stays low.
    const inFlight: { rows: number; total: number | undefined; done: Promise<WrittenRows> }[] = []
    const writeOldest = async (): Promise<void> => {
      const page = inFlight.shift()
      if (!page) return
      const { chunk, truncated } = await page.done
      signal.throwIfAborted()
      await sink.write(chunk)
      written += page.rows
      truncatedCells += truncated
      report(page.total)
    }
    const writeRows = async (events: readonly AuditEvent[], total: number | undefined): Promise<void> => {
      if (worker.client && events.length > 0) {
        const cells = prepareCells(readCsvCells(columns, events as readonly TEvent[]), columns.specs, options.timeZone)
        failedCells += columns.takeFailed()
        const done = worker.client.write(cells)
        // Rejected only by a cancel, which the page being awaited reports; the others need no report of their own.
        done.catch(() => undefined)
        inFlight.push({ rows: events.length, total, done })
        while (inFlight.length > MAX_PAGES_IN_FLIGHT) await writeOldest()
        return
      }
      while (inFlight.length > 0) await writeOldest()
      const chunk = writer.rows(events as readonly TEvent[])
      await sink.write(chunk.text)
      written += events.length
      truncatedCells += chunk.truncated
      failedCells += chunk.failed
      report(total)
    }
    // Started with the first request and awaited once a second page is coming: a Worker's start needs the main
    // thread for a moment, which an export that yields with `scheduler.yield()` would not give it. One that
    // does not answer in time is given up: the export writes on the main thread.
    const startWorker = (): void => {
      if (scope !== 'all' || options.worker !== true || columns.specs.every((spec) => spec.formatted)) return
      worker.starting = startCsvWorker(columns.specs, options.timeZone, signal)
    }
    const awaitWorker = async (): Promise<void> => {
      const { starting } = worker
      if (!starting || worker.waited) return
      worker.waited = true
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), WORKER_START_MS)))
      worker.client = await Promise.race([starting, late])
      clearTimeout(timer)
    }
    startWorker()

    const seen = createSeen()
    if (scope === 'loaded') {
      await writeRows(options.loadedEvents ?? [], options.loadedEvents?.length)
    } else {
      const search = pinRange(options.search, options.now ?? Date.now())
      const cursors: (string | undefined)[] = []
      let trailingEmptyPages = 0
      let cursor: string | undefined
      let sliceStart = performance.now()
      do {
        // An adapter that answers at once (in memory) would otherwise run the whole export as one long task.
        if (performance.now() - sliceStart > WORK_SLICE_MS) {
          await nextTask()
          sliceStart = performance.now()
        }
        signal.throwIfAborted()
        const page = await listWithRetry(adapter, { ...search, limit: pageSize, ...(cursor ? { cursor } : {}) }, signal, options.tenantId)
        // Checked against the person's range, not the pinned one: a backend that ignores the pin and sends
        // newer events still sends matches.
        const { inside, outside } = splitByRange(page.events, options.search)
        outsideRange += outside
        await writeRows(takeUnseen(inside as TEvent[], seen, options.getId), page.total)
        cursors.push(cursor)
        trailingEmptyPages = page.events.length === 0 ? trailingEmptyPages + 1 : 0
        const next = page.nextCursor ?? undefined
        if (next !== undefined) await awaitWorker()
        // A backend whose paging cannot be trusted ends the export with an error, never an endless walk.
        const stop = next === undefined ? undefined : pagingStop({ cursors, trailingEmptyPages }, next)
        if (stop) {
          throw new AuditLogsError('paging-stopped', `${STOP_DETAIL[stop]} The export stopped so as not to request pages without end.`, {
            reason: stop,
          })
        }
        cursor = next
      } while (cursor !== undefined)
    }
    while (inFlight.length > 0) await writeOldest()
    report(undefined, true)
    signal.throwIfAborted()
    await sink.close()
    return { rows: written, truncatedCells, failedCells, outsideRange, merged: seen.merged }
  } catch (error) {
    await sink.abort()
    throw error
  } finally {
    void worker.starting?.then((client) => client?.terminate())
  }
}

/** Lets the adapter's own server export make the file; a URL downloads as it is, bytes go to the sink. */
async function runServerExport<TEvent extends AuditEvent>(options: CsvExportOptions<TEvent>): Promise<CsvExportResult> {
  const { adapter, sink, signal } = options
  const fileName = options.fileName ?? 'audit-logs.csv'
  try {
    if (!adapter.exportCsv) throw new Error('unreachable: the adapter has no exportCsv')
    const request = {
      query: pinRange(options.search, options.now ?? Date.now()),
      columns: csvColumns(options.fields).map((field) => ({ key: field.key, label: field.label })),
      timeZone: options.timeZone,
      fileName,
    }
    const made = await adapter.exportCsv(request, callOptions(signal, options.tenantId))
    // An adapter that does not listen to the signal still delivers nothing after a cancel (or a tenant change).
    signal.throwIfAborted()
    if ('url' in made) {
      await sink.abort()
      triggerDownload(made.url, fileName)
      return { rows: undefined, truncatedCells: 0, failedCells: 0, outsideRange: 0, merged: 0 }
    }
    if ('blob' in made) {
      await sink.write(new Uint8Array(await made.blob.arrayBuffer()))
    } else {
      const reader = made.stream.getReader()
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        signal.throwIfAborted()
        await sink.write(chunk.value)
      }
    }
    signal.throwIfAborted()
    await sink.close()
    return { rows: undefined, truncatedCells: 0, failedCells: 0, outsideRange: 0, merged: 0 }
  } catch (error) {
    await sink.abort()
    throw error
  }
}
