import { compileCsvColumns, createCsvCellCache, createCsvWriter, type CsvWriter, writeCsvRows } from '../core/csv'
import { getAt, parsePath } from '../core/path'
import { hiddenKindAt, isSecretName, redactEvent, redactorAt, type SensitivePolicy, sensitivePolicy } from '../core/sensitive'
import type { AuditEvent, AuditField, AuditSearch } from '../core/types'
import { type ByteChunks, byteChunks } from './export/byteChunks'
import { compactJsonbCell } from './export/compactJsonb'
import { type CopyCellKind, copyRowCsv } from './export/copyRowCsv'
import type { ExportRequest } from './export/exportRequest'
import { type ExportBatch, type ExportRow, exportValue, selectedPaths } from './store/exportBatches'
import type { AuditLogStore } from './storeTypes'

/**
 * Sets `value` at `path` in `target`, making the objects on the way. The paths are the export's columns, checked
 * by `isValidPath` (none reaches a prototype), so plain assignment is safe here.
 */
function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = target
  const last = path.length - 1
  for (let index = 0; index < last; index += 1) {
    const segment = path[index] as string
    const next = Object.hasOwn(current, segment) ? current[segment] : undefined
    if (typeof next === 'object' && next !== null) current = next as Record<string, unknown>
    else current = current[segment] = {}
  }
  current[path[last] as string] = value
}

/** Distinct payload keys whose policy answer is remembered in one export. */
const SECRET_KEYS_KEPT = 4096

/** Rows written by one call of the writer: enough that a call's own cost does not count, few enough to die young. */
const ROWS_PER_WRITE = 256

/**
 * Exported rows written as CSV: `write` takes a row as it comes, `flush` writes out those still gathered;
 * `writeCopyRow`, where there is one, writes a row from its COPY bytes (see `copyRowCsv`) or returns `false`.
 */
interface RowWriter {
  write(row: ExportRow): void
  flush(): void
  writeCopyRow?: (row: Buffer) => boolean
}

/**
 * Writes events' rows (`ExportRow`: the values at the read paths) as CSV rows into `out`, as `writer.rows`
 * writes the events they come from with their hidden values hidden, a few hundred rows per call. Plain columns
 * (a path of names, no host function) go straight to the browser's cell writer, each value hidden by its
 * column's plan; otherwise each event is rebuilt from its values and redacted whole.
 */
function rowWriter(
  fields: readonly AuditField[],
  paths: readonly (readonly string[])[],
  policy: SensitivePolicy,
  timeZone: string,
  writer: CsvWriter<AuditEvent>,
  chunks: ByteChunks,
): RowWriter {
  const out = (text: string) => chunks.write(text)
  const columns = compileCsvColumns(fields, timeZone)
  const sources = fields.map((field, column) => {
    const path = parsePath(field.key) ?? []
    const index = paths.findIndex((read) => read.length <= path.length && read.every((segment, at) => path[at] === segment))
    const rest = path.slice(paths[index]?.length ?? 0)
    const spec = columns.specs[column]
    // An object read whole, where nothing is hidden by its path, can be written from its JSON text
    // (`compactJsonb`); a key inside it that names a secret sends it the long way, through `redact`.
    const fromText = rest.length === 0 && spec?.type !== 'datetime' && !spec?.formatted && hiddenKindAt(path, policy) === null
    // What the COPY row's bytes can be written as (`copyRowCsv`): the same values as `fromText`, and times.
    const time = rest.length === 0 && spec?.type === 'datetime' && !spec.formatted && hiddenKindAt(path, policy) === null
    const kind: CopyCellKind | null = fromText ? 'value' : time ? 'time' : null
    return { index, rest, fromText, kind, redact: redactorAt(path, policy) }
  })
  const plain =
    columns.specs.length === fields.length &&
    fields.every((field) => !field.value && !field.format && field.timeFormat === undefined) &&
    sources.every((source) => source.redact !== null)
  if (plain) {
    const cache = createCsvCellCache(columns.specs.length)
    // A payload's keys repeat from row to row: each is looked up by the policy once (a bounded number of them).
    const secretKeys = new Map<string, boolean>()
    const isSecret = (key: string) => {
      let secret = secretKeys.get(key)
      if (secret === undefined) {
        secret = isSecretName(key, policy.names)
        if (secretKeys.size < SECRET_KEYS_KEPT) secretKeys.set(key, secret)
      }
      return secret
    }
    const width = sources.length
    // One array for every call: its cells are written before the next row comes.
    const cells = new Array<unknown>(ROWS_PER_WRITE * width)
    // The cells that are already their CSV cell (see `writeCsvRows`).
    let texts: number[] = []
    let at = 0
    const flush = () => {
      if (at === 0) return
      out(writeCsvRows(at === cells.length ? cells : cells.slice(0, at), columns.specs, timeZone, texts, cache, true).text)
      at = 0
      texts = []
    }
    const copyColumns = sources.map(({ index, kind }) => (kind === null ? null : { index, kind }))
    const fromCopy =
      width > 0 && copyColumns.every((column) => column !== null) ? copyRowCsv(copyColumns, paths.length + 1, timeZone, chunks, isSecret) : null
    return {
      // Rows gathered for the writer go first: the file keeps the rows' order.
      writeCopyRow: fromCopy
        ? (row) => {
            flush()
            return fromCopy(row)
          }
        : undefined,
      write(row) {
        for (let column = 0; column < width; column += 1) {
          const { index, rest, fromText, redact } = sources[column] as (typeof sources)[number]
          const json = fromText ? row[index] : null
          const compact = json ? compactJsonbCell(json, isSecret) : undefined
          if (compact !== undefined) {
            texts.push(at)
            cells[at++] = compact
            continue
          }
          const value = rest.length === 0 ? exportValue(row, index) : getAt(exportValue(row, index), rest)
          cells[at++] = (redact as (value: unknown) => unknown)(value)
        }
        if (at === cells.length) flush()
      },
      flush,
    }
  }
  let events: AuditEvent[] = []
  const flush = () => {
    if (events.length === 0) return
    out(writer.rows(events).text)
    events = []
  }
  return {
    write(row) {
      let event = {} as AuditEvent
      paths.forEach((path, index) => {
        const value = exportValue(row, index)
        // The whole event (a column whose first step only JavaScript reads): it is the only path read.
        if (path.length === 0) event = value as AuditEvent
        else if (value !== null && value !== undefined) setAt(event, path, value)
      })
      events.push(redactEvent(event, policy))
      if (events.length === ROWS_PER_WRITE) flush()
    },
    flush,
  }
}

/** What `csvStream` tells as it reads (the export's manifest counts the events and their chain positions). */
export interface CsvStreamOptions {
  now?: number
  policy?: SensitivePolicy
  /** Called with each batch's chain positions, before its rows are written. */
  onBatch?: (seqs: readonly (number | null)[]) => void
}

/**
 * The CSV of every matching event as a byte stream, written by the browser export's own writer (same columns,
 * time formats, formula neutralising, BOM and CRLF). Rows come from one cursor over one snapshot in large
 * batches, read on demand (`store.exportEvents`), so memory stays constant whatever the row count and the file
 * is the log as it was when the export started: the end of the range is pinned to that moment too, so an event
 * that arrives meanwhile is not in the file and none is written twice. Hidden values (`policy`) stay hidden.
 */
export function csvStream(
  store: AuditLogStore,
  tenantId: string,
  request: ExportRequest,
  fields: readonly AuditField[],
  { now = Date.now(), policy = sensitivePolicy([]), onBatch }: CsvStreamOptions = {},
): ReadableStream<Uint8Array> {
  const to = request.search.to !== undefined && Date.parse(request.search.to) <= now ? request.search.to : new Date(now).toISOString()
  const search: AuditSearch = { ...request.search, to }
  const writer = createCsvWriter({ fields, timeZone: request.timeZone })
  const hidden = policy.paths.map(({ path }) => [...path])
  const paths = selectedPaths(fields.map((field) => parsePath(field.key) ?? []))
  const chunks = byteChunks()
  const rows = rowWriter(fields, paths, policy, request.timeZone, writer, chunks)
  const onCopyRow = rows.writeCopyRow
  const batches = store.exportEvents(tenantId, { search, paths, hidden, onRow: (row) => rows.write(row), onCopyRow })[Symbol.asyncIterator]()
  let first: IteratorResult<ExportBatch> | undefined
  const write = (controller: ReadableStreamDefaultController<Uint8Array>, next: IteratorResult<ExportBatch>) => {
    if (!next.done) onBatch?.(next.value.seqs)
    rows.flush()
    for (const chunk of chunks.take()) controller.enqueue(chunk)
    if (next.done) controller.close()
  }
  return new ReadableStream<Uint8Array>(
    {
      // The first batch is read before the header is sent: once a reader has the first byte, the file's
      // snapshot is taken, and a search that fails in the database sends no byte at all.
      async start(controller) {
        first = await batches.next()
        controller.enqueue(new TextEncoder().encode(writer.header()))
      },
      async pull(controller) {
        const next = first ?? (await batches.next())
        first = undefined
        write(controller, next)
      },
      async cancel() {
        // Ends the cursor's transaction and gives its connection back.
        await batches.return?.()
      },
    },
    // One batch's chunks ahead at most (and the next batch on its way): the reader's pace sets the database's.
    { highWaterMark: 1 },
  )
}
