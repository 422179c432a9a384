import { AuditLogsError } from '../adapter/errors'
import { createCsvWriter } from '../core/csv'
import { compileCsvColumns, readCsvCells } from '../core/csvRows'
import { MAX_EMPTY_PAGES, type PagingStop, pagingStop } from '../core/paging'
import type { AuditEvent } from '../core/types'
import { createSeen, takeUnseen } from '../core/unseen'
import { splitByRange } from '../core/verify'
import { type CsvRowsWorker, prepareCells, startCsvWorker, type WrittenRows } from './csvWorkerClient'
import { listWithRetry, nextTask, pinRange, WORK_SLICE_MS } from './exportPages'
import type { CsvExportOptions, CsvExportResult } from './exportTypes'
import { runServerExport } from './serverExport'

export type { CsvExportOptions, CsvExportProgress, CsvExportResult } from './exportTypes'

const STOP_DETAIL: Record<PagingStop, string> = {
  'repeated-cursor': 'The adapter returned a cursor it had returned before.',
  'empty-pages': `The adapter returned ${MAX_EMPTY_PAGES} empty pages in a row, each with a next cursor.`,
}

/** Pages handed to the Worker and not yet written to the sink, at most. */
const MAX_PAGES_IN_FLIGHT = 4
/** The least time between two progress reports: each one re-renders the host's progress text. */
const PROGRESS_MS = 100
/** How long an export waits for its Worker to start before it writes on the main thread instead. */
const WORKER_START_MS = 3000

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
    // The writer quotes and escapes cells itself, to the bytes papaparse's `unparse` writes (csv.withoutPapaparse.test.ts).
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
