import type { Pool } from 'pg'

import type { AuditSearch } from '../../core/types'
import { orderBy, searchConditions, sortPlan } from '../query'
import { Params } from '../sql'

/** Rows fetched from the export's cursor at a time: a round trip is a small part of a batch, and a batch still dies young in the heap. */
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
}

/** Some events of an export, in the export's order: the values at the requested paths, one array per event. */
export interface ExportBatch {
  /** Per event, the value at each path (`null` where it has none). */
  rows: unknown[][]
  /** Each event's place in its tenant's chain (`null` for an event stored before the chain). */
  seqs: (number | null)[]
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

/** The export's `select`: one JSON array of the selected values per event (one parse per row), and its `seq`. */
export function exportStatement(
  tenantId: string,
  request: Pick<ExportReadRequest, 'search' | 'hidden'>,
  paths: readonly (readonly string[])[],
  indexed?: ReadonlySet<string>,
): { text: string; values: unknown[] } {
  const params = new Params()
  const sort = sortPlan(request.search.sort, params)
  const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(request.search, params, request.hidden, indexed)]
  const values = paths.map((path) => (path.length === 0 ? 'data' : `data #> ${params.add(path)}::text[]`))
  // A function takes at most 100 arguments: longer lists are joined from several arrays.
  const arrays: string[] = []
  for (let at = 0; at < values.length; at += 90) arrays.push(`jsonb_build_array(${values.slice(at, at + 90).join(', ')})`)
  const text = `select ${arrays.join(' || ')} as v, seq from audit_events where ${conditions.join(' and ')} order by ${orderBy(sort)}`
  return { text, values: params.values }
}

/**
 * A tenant's events of a search for an export, in batches, in the search's order. One cursor in one read-only
 * repeatable-read transaction: the file is the log as it was at one moment (an event committed meanwhile is not
 * in it, whatever its time), the query is planned once, and only `batchSize` rows are in memory at a time.
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
  const client = await pool.connect()
  let finished = false
  try {
    await client.query('begin isolation level repeatable read read only')
    await client.query(`declare audit_export no scroll cursor for ${statement.text}`, statement.values)
    const fetch = () => client.query<[unknown[], string | null]>({ text: `fetch ${size} from audit_export`, rowMode: 'array' })
    // The next batch is asked for before this one is handed on: the database reads it while the file is written.
    let pending: ReturnType<typeof fetch> | null = fetch()
    while (pending) {
      const { rows }: { rows: Array<[unknown[], string | null]> } = await pending
      pending = rows.length < size ? null : fetch()
      // A rejected prefetch is seen by the next await; until then it must not count as unhandled.
      pending?.catch(() => undefined)
      if (rows.length > 0) yield { rows: rows.map((row) => row[0]), seqs: rows.map((row) => (row[1] === null ? null : Number(row[1]))) }
    }
    await client.query('commit')
    finished = true
  } finally {
    if (!finished) await client.query('rollback').catch(() => undefined)
    client.release()
  }
}
