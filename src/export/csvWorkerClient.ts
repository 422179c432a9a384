import { type CsvColumnSpec, csvColumnText, writeCsvRows } from '../core/csvRows'
import type { CsvWorkerReply, CsvWorkerRequest } from './csvWorker'

/** One page of rows as written: a Blob part made in the Worker, or text written on the main thread. */
export interface WrittenRows {
  chunk: string | Blob
  truncated: number
}

/** A page's read cells as the Worker takes them (see `prepareCells`). */
export interface WorkerCells {
  cells: unknown[]
  texts: number[]
}

export interface CsvRowsWorker {
  /** Writes a page in the Worker; should the Worker fail, on the main thread instead (same bytes). */
  write(page: WorkerCells): Promise<WrittenRows>
  terminate(): void
}

const isPrimitive = (value: unknown): boolean =>
  value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')

/**
 * Read cells (`readCsvCells`) made safe to send: every value a primitive, so a structured clone copies it
 * exactly. An object (a payload, an array, a Date) is written to its column's text here, its index listed
 * in `texts`: a clone would drop its prototype (a `toJSON`) or fail on a function inside.
 */
export function prepareCells(cells: unknown[], specs: readonly CsvColumnSpec[], timeZone: string | undefined): WorkerCells {
  const texts: number[] = []
  const count = specs.length
  for (let at = 0; at < cells.length; at += 1) {
    const value = cells[at]
    if (isPrimitive(value)) continue
    cells[at] = csvColumnText(specs[at % count] as CsvColumnSpec, value, timeZone)
    texts.push(at)
  }
  return { cells, texts }
}

/**
 * Starts the export's Worker (a module Worker, a file of its own next to this one) and resolves once it
 * can take rows; `null` where there are no Workers or it does not start (a Content Security Policy without
 * `worker-src 'self'`, a blocked or missing script): the export then writes on the main thread. The Worker
 * ends when `signal` aborts.
 */
export function startCsvWorker(specs: CsvColumnSpec[], timeZone: string | undefined, signal: AbortSignal): Promise<CsvRowsWorker | null> {
  if (typeof Worker !== 'function' || signal.aborted) return Promise.resolve(null)
  let worker: Worker
  try {
    worker = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module', name: 'react-audit-logs CSV export' })
  } catch {
    return Promise.resolve(null)
  }
  return new Promise((resolve) => {
    const pending = new Map<number, WorkerCells & { resolve: (rows: WrittenRows) => void; reject: (reason: unknown) => void }>()
    let nextPage = 0
    let failed = false
    const onMainThread = (page: WorkerCells): WrittenRows => {
      const { text, truncated } = writeCsvRows(page.cells, specs, timeZone, page.texts)
      return { chunk: text, truncated }
    }
    const stop = (): void => {
      failed = true
      worker.terminate()
      signal.removeEventListener('abort', onAbort)
    }
    // A Worker that fails (it did not load, or it crashed) hands its pages back: they are written here.
    const fail = (): void => {
      if (failed) return
      stop()
      resolve(null)
      for (const page of pending.values()) page.resolve(onMainThread(page))
      pending.clear()
    }
    const onAbort = (): void => {
      stop()
      resolve(null)
      for (const page of pending.values()) page.reject(signal.reason)
      pending.clear()
    }
    const client: CsvRowsWorker = {
      write(page) {
        if (failed) return Promise.resolve(onMainThread(page))
        const id = nextPage
        nextPage += 1
        return new Promise((resolvePage, rejectPage) => {
          pending.set(id, { ...page, resolve: resolvePage, reject: rejectPage })
          const request: CsvWorkerRequest = { kind: 'rows', page: id, cells: page.cells, texts: page.texts }
          worker.postMessage(request)
        })
      },
      terminate: stop,
    }
    signal.addEventListener('abort', onAbort, { once: true })
    worker.addEventListener('error', (event) => {
      event.preventDefault()
      fail()
    })
    worker.addEventListener('messageerror', fail)
    worker.addEventListener('message', (event: MessageEvent<CsvWorkerReply>) => {
      const reply = event.data
      if (reply.kind === 'ready') {
        resolve(client)
        return
      }
      const page = pending.get(reply.page)
      if (!page) return
      pending.delete(reply.page)
      page.resolve({ chunk: reply.part, truncated: reply.truncated })
    })
    const start: CsvWorkerRequest = { kind: 'start', specs, timeZone }
    worker.postMessage(start)
  })
}
