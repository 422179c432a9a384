import type { Pool } from 'pg'

import type { AuditSearch } from '../../core/types'
import { orderBy, searchConditions, sortPlan } from '../query'
import { LiteralParams, Params } from '../sql'
import { CopyOut } from './copyOut'
import { lastCopyNumber, splitCopyRow } from './copyText'

/**
 * Rows of the export's COPY handed on at a time (at least; the last batch may be short): a batch's own cost is a
 * small part of it, and its text is still small enough to die young in the heap.
 */
export const EXPORT_BATCH = 2000

/**
 * Batches read ahead of the reader before the COPY's socket is paused: while the reader keeps up the database
 * never waits (a paused backend takes a scheduler's turn to start again).
 */
const BATCHES_AHEAD = 2

/** What an export reads: the tenant's events of a search, and only the values at some paths of each. */
export interface ExportReadRequest {
  search: AuditSearch
  /** The paths to read of each event (`selectedPaths` of the file's columns: at least one, none below another). */
  paths: readonly (readonly string[])[]
  /** Paths whose values a text search must not look into (hidden fields). */
  hidden?: readonly (readonly string[])[]
  /** Rows per batch. Defaults to `EXPORT_BATCH`. */
  batchSize?: number
  /**
   * Called with each event's row as it arrives, in the export's order: a row is written and forgotten at once
   * instead of waiting in a batch, so it dies young in the heap. The array is valid during the call only (the
   * next row is read into it).
   */
  onRow: (row: ExportRow) => void
  /**
   * Called first with each row as COPY's text format (see `copyText`), valid during the call only: a reader that
   * writes the row from its bytes returns `true`; otherwise the row is decoded and given to `onRow`.
   */
  onCopyRow?: (row: Buffer) => boolean
}

/**
 * One event of an export as the database sent it: per read path, the value as JSON text (see
 * `exportStatement`), then its `seq`. Read a path's value with `exportValue`.
 */
export type ExportRow = readonly (string | null)[]

/** A batch of an export's events, each given to `onRow` already; told when the batch is complete. */
export interface ExportBatch {
  /** Each event's place in its tenant's chain (`null` for an event stored before the chain), in order. */
  seqs: (number | null)[]
}

const QUOTE = 34
const BACKSLASH = '\\'

/**
 * The value at the `index`th read path of an exported row (`null` where the event has none). Most values are
 * strings without an escape: such a JSON string is its text between the quotes, without a parse.
 */
export function exportValue(row: ExportRow, index: number): unknown {
  const text = row[index]
  if (text === null || text === undefined) return null
  if (text.charCodeAt(0) === QUOTE && !text.includes(BACKSLASH)) return text.slice(1, -1)
  return JSON.parse(text) as unknown
}

// PostgreSQL's `#>` reads an array index from text as C's strtol does ("01", "+1", "-1" from the end), where a
// path's own reading (`getAt`) only takes an item by its exact name. Such a step is left to JavaScript.
const CANONICAL_INDEX = /^(0|[1-9]\d{0,8})$/
const NUMBER_LIKE = /^\s*[+-]?\d/
const sqlPrefix = (path: readonly string[]): readonly string[] => {
  const cut = path.findIndex((segment) => NUMBER_LIKE.test(segment) && !CANONICAL_INDEX.test(segment))
  return cut === -1 ? path : path.slice(0, cut)
}

/**
 * The distinct paths to read for some columns: a path below another is read from that one's value, and a step
 * the database reads differently from `getAt` (see above) is read in JavaScript.
 */
export function selectedPaths(paths: readonly (readonly string[])[]): (readonly string[])[] {
  const prefixes = paths.map(sqlPrefix)
  const covers = (outer: readonly string[], inner: readonly string[]) =>
    outer.length <= inner.length && outer.every((segment, index) => inner[index] === segment)
  const kept: (readonly string[])[] = []
  for (const path of [...prefixes].sort((a, b) => a.length - b.length)) {
    if (!kept.some((shorter) => covers(shorter, path))) kept.push(path)
  }
  return kept
}

/**
 * The export's `select`: per read path, the value as JSON text (`exportValue` parses only what needs it), then
 * the event's `seq`. The database extracts each value once, as `COPY (SELECT data #>> …)` would. `params`
 * decides how values travel: as `$n` by default, as literals for `COPY` (`LiteralParams`).
 */
export function exportStatement(
  tenantId: string,
  request: Pick<ExportReadRequest, 'search' | 'hidden'>,
  paths: readonly (readonly string[])[],
  indexed?: ReadonlySet<string>,
  params: Params = new Params(),
): { text: string; values: unknown[] } {
  const sort = sortPlan(request.search.sort, params)
  const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(request.search, params, request.hidden, indexed)]
  const cells = paths.map((path) => `(data #> ${params.add(path)}::text[])::text`)
  const text = `select ${cells.join(', ')}, seq from audit_events where ${conditions.join(' and ')} order by ${orderBy(sort)}`
  return { text, values: params.values }
}

/**
 * A tenant's events of a search for an export, batch after batch, in the search's order, each row given to
 * `request.onRow` as it arrives. One `COPY (SELECT …) TO STDOUT` in one read-only repeatable-read transaction:
 * the file is the log as it was at one moment (an event committed meanwhile is not in it, whatever its time),
 * the database plans it to be read to its end (a cursor's plan is made for a fast start), and the rows come
 * in COPY's text format, decoded here (`splitCopyRow`) without the driver's per-value work. Once a few
 * batches' rows wait for the reader, the socket is paused until the reader asks for more: the reader's pace
 * sets the database's, and memory stays flat. Each event comes as the values at the requested paths (what the file's
 * columns read), so the database sends and the server parses a few values per row instead of whole events.
 * The connection goes back to the pool when the iteration ends; one left in the middle of its COPY is closed
 * instead (which stops the statement).
 */
export async function* exportBatches(
  pool: Pool,
  tenantId: string,
  request: ExportReadRequest,
  indexed?: ReadonlySet<string>,
): AsyncGenerator<ExportBatch, void, undefined> {
  const size = request.batchSize ?? EXPORT_BATCH
  const { default: pg } = await import('pg')
  const statement = exportStatement(tenantId, request, request.paths, indexed, new LiteralParams(pg.escapeLiteral))
  const fields: (string | null)[] = []
  let seqs: (number | null)[] = []
  let wake: (() => void) | null = null
  const copy = new CopyOut(`copy (${statement.text}) to stdout`, (bytes) => {
    if (request.onCopyRow?.(bytes) !== true) {
      splitCopyRow(bytes.toString('utf8'), fields)
      request.onRow(fields)
    }
    seqs.push(lastCopyNumber(bytes))
    if (seqs.length >= size) wake?.()
    if (seqs.length >= size * BATCHES_AHEAD) copy.pause()
  })
  // Where the COPY stands, told by `copy.done` (ReadyForQuery, or its error).
  const status: { ended: boolean; failure: Error | null } = { ended: false, failure: null }
  copy.done.then(
    () => {
      status.ended = true
      wake?.()
    },
    (error: unknown) => {
      status.failure = error instanceof Error ? error : new Error(String(error))
      wake?.()
    },
  )
  const client = await pool.connect()
  let finished = false
  try {
    await client.query('begin isolation level repeatable read read only')
    client.query(copy)
    for (;;) {
      if (seqs.length < size && !status.ended && status.failure === null) await new Promise<void>((resolve) => (wake = resolve))
      wake = null
      if (status.failure !== null) throw status.failure
      if (seqs.length === 0 && status.ended) break
      const batch = seqs
      seqs = []
      // Read on while the batch is written: the database is paused only while the reader lags behind.
      copy.resume()
      if (batch.length > 0) yield { seqs: batch }
    }
    await client.query('commit')
    finished = true
  } finally {
    if (copy.running) client.release(new Error('The export stopped before its COPY ended.'))
    else {
      if (!finished) await client.query('rollback').catch(() => undefined)
      client.release()
    }
  }
}
