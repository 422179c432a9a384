// The export's Worker: writes CSV rows from read cells off the main thread and makes each page's Blob part
// here, so the page stays free for input while a large log is written. Started by `csvWorkerClient.ts`.
import { type CsvCellCache, type CsvColumnSpec, createCsvCellCache, writeCsvRows } from '../core/csvRows'

/** What the main thread sends: the columns once, then each page's read cells (see `prepareCells`). */
export type CsvWorkerRequest =
  { kind: 'start'; specs: CsvColumnSpec[]; timeZone: string | undefined } | { kind: 'rows'; page: number; cells: unknown[]; texts: number[] }

/** What the Worker answers: ready for rows, or one page as a Blob part. */
export type CsvWorkerReply = { kind: 'ready' } | { kind: 'rows'; page: number; part: Blob; truncated: number }

let specs: CsvColumnSpec[] = []
let timeZone: string | undefined
// What each column has written, for this export's pages (see `CsvCellCache`).
let cache: CsvCellCache = []

const reply = (message: CsvWorkerReply): void => {
  postMessage(message)
}

addEventListener('message', (event: MessageEvent<CsvWorkerRequest>) => {
  const request = event.data
  if (request.kind === 'start') {
    ;({ specs, timeZone } = request)
    cache = createCsvCellCache(specs.length)
    reply({ kind: 'ready' })
    return
  }
  const { text, truncated } = writeCsvRows(request.cells, specs, timeZone, request.texts, cache)
  reply({ kind: 'rows', page: request.page, part: new Blob([text]), truncated })
})
