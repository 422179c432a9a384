import type { Pool, PoolClient, QueryArrayConfig, QueryConfig } from 'pg'

import type { AuditSearch } from '../../core/types'
import { orderBy, searchConditions, sortPlan } from '../query'
import { Params } from '../sql'

/**
 * Rows fetched from the export's cursor at a time: a round trip is a small part of a batch, and a batch is still
 * small enough to die young in the heap.
 */
export const EXPORT_BATCH = 2000

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
   * Called with each event's row as it arrives, in the export's order (the row is let go when the call
   * returns): a row is written and forgotten at once instead of waiting in a batch, so it dies young in the heap.
   */
  onRow: (row: ExportRow) => void
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
 * The export's `select`: per read path, the value as JSON text (read as text, so the driver does not parse
 * it: `exportValue` parses only what needs it), then the event's `seq`. The database extracts each value once,
 * as `COPY (SELECT data #>> …)` would.
 */
export function exportStatement(
  tenantId: string,
  request: Pick<ExportReadRequest, 'search' | 'hidden'>,
  paths: readonly (readonly string[])[],
  indexed?: ReadonlySet<string>,
): { text: string; values: unknown[] } {
  const params = new Params()
  const sort = sortPlan(request.search.sort, params)
  const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(request.search, params, request.hidden, indexed)]
  const cells = paths.map((path) => `(data #> ${params.add(path)}::text[])::text`)
  const text = `select ${cells.join(', ')}, seq from audit_events where ${conditions.join(' and ')} order by ${orderBy(sort)}`
  return { text, values: params.values }
}

type QueryClass = (typeof import('pg'))['Query']

/**
 * Fetches the next batch from the export's cursor, each row handed to `onRow` as it is parsed (pg's `row`
 * event: no row array is gathered); resolves with the batch's `seq`s. A throwing `onRow` fails the batch
 * once the database has sent it, leaving the connection in order.
 */
function fetchBatch(Query: QueryClass, client: PoolClient, size: number, onRow: (row: ExportRow) => void): Promise<(number | null)[]> {
  // Submitted at once (no await before it): a rollback asked for later is queued after it, never before.
  return new Promise((resolve, reject) => {
    const seqs: (number | null)[] = []
    let failure: Error | null = null
    const config: QueryArrayConfig = { text: `fetch ${size} from audit_export`, rowMode: 'array' }
    // pg's types leave `rowMode` out of the Query constructor's config, which reads it.
    const query = new Query(config as QueryConfig)
    query.on('row', (row: ExportRow) => {
      if (failure !== null) return
      try {
        onRow(row)
        const seq = row[row.length - 1]
        seqs.push(seq === null || seq === undefined ? null : Number(seq))
      } catch (error) {
        failure = error instanceof Error ? error : new Error('An exported row could not be written.')
      }
    })
    query.on('error', reject)
    query.on('end', () => (failure === null ? resolve(seqs) : reject(failure)))
    client.query(query)
  })
}

/**
 * A tenant's events of a search for an export, batch after batch, in the search's order, each row given to
 * `request.onRow` as it arrives. One cursor in one read-only
 * repeatable-read transaction: the file is the log as it was at one moment (an event committed meanwhile is not
 * in it, whatever its time), the query is planned once, and at most two batches are being read at a time.
 * Each event comes as the values at the requested paths (what the file's columns read), so the database sends
 * and the server parses a few values per row instead of whole events. The connection goes back to the
 * pool when the iteration ends, however it ends.
 */
export async function* exportBatches(
  pool: Pool,
  tenantId: string,
  request: ExportReadRequest,
  indexed?: ReadonlySet<string>,
): AsyncGenerator<ExportBatch, void, undefined> {
  const { paths } = request
  const statement = exportStatement(tenantId, request, paths, indexed)
  const size = request.batchSize ?? EXPORT_BATCH
  const { default: pg } = await import('pg')
  const client = await pool.connect()
  let finished = false
  try {
    await client.query('begin isolation level repeatable read read only')
    await client.query(`declare audit_export no scroll cursor for ${statement.text}`, statement.values)
    const fetch = () => fetchBatch(pg.Query, client, size, request.onRow)
    // The next batch is asked for before this one is handed on: the database reads it while the file is written.
    let pending: ReturnType<typeof fetch> | null = fetch()
    while (pending) {
      const seqs: (number | null)[] = await pending
      pending = seqs.length < size ? null : fetch()
      // A rejected prefetch is seen by the next await; until then it must not count as unhandled.
      pending?.catch(() => undefined)
      if (seqs.length > 0) yield { seqs }
    }
    await client.query('commit')
    finished = true
  } finally {
    if (!finished) await client.query('rollback').catch(() => undefined)
    client.release()
  }
}
