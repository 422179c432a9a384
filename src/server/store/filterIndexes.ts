import { createHash } from 'node:crypto'

import type { Pool } from 'pg'

import { pathOf } from '../query'

/** The filterable fields of `defaultFields` but the tenant (every statement names it already). */
export const DEFAULT_FILTER_INDEXES: readonly string[] = [
  'severity',
  'action',
  'resource',
  'module',
  'result',
  'user.name',
  'user.email',
  'environment',
]

/** A path as a SQL `text[]` literal: each step double-quoted inside, the whole single-quoted. */
function pathLiteral(path: readonly string[]): string {
  const elements = path.map((step) => `"${step.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(',')
  return `'{${elements.replace(/'/g, "''")}}'::text[]`
}

/** An index name PostgreSQL keeps whole (63 bytes at most): the key's letters and a digest of the key. */
const indexName = (key: string): string =>
  `audit_events_f_${key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 24)}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`

/**
 * The store's field-filter indexes: which keys have one, and making the missing ones. Each is a GIN over
 * `(tenant_id, audit_values(data #> '{path}'))`, made `concurrently` (ingest goes on meanwhile) and recorded in
 * `audit_filter_indexes` once it is valid, so a filter is written for it only then.
 */
export function filterIndexes(pool: Pool) {
  const indexed = new Set<string>()
  // One build at a time: concurrent builds on one table wait on each other's snapshots anyway.
  let queue: Promise<unknown> = Promise.resolve()

  const make = async (key: string): Promise<void> => {
    const path = pathOf(key, 'The filter index')
    const name = indexName(key)
    // A build that failed midway leaves an invalid index of this name: dropped first, so it is made again.
    const { rows } = await pool.query<{ valid: boolean }>(
      `select indisvalid as valid from pg_index where indexrelid = to_regclass(current_schema() || '.' || $1)`,
      [name],
    )
    if (rows[0]?.valid === false) await pool.query(`drop index concurrently if exists ${name}`)
    await pool.query(
      `create index concurrently if not exists ${name} on audit_events using gin (tenant_id, audit_values(data #> ${pathLiteral(path)}))`,
    )
    await pool.query('insert into audit_filter_indexes (key, index_name) values ($1, $2) on conflict (key) do nothing', [key, name])
    indexed.add(key)
  }

  return {
    indexed: indexed as ReadonlySet<string>,
    /** Reads which keys have an index (after `migrate`). */
    async load(): Promise<void> {
      const { rows } = await pool.query<{ key: string }>('select key from audit_filter_indexes')
      for (const row of rows) indexed.add(row.key)
    },
    /** Makes the indexes of some keys that have none yet; resolves once each is in use. */
    ensure(keys: readonly string[]): Promise<void> {
      const run = queue.then(async () => {
        for (const key of new Set(keys)) if (!indexed.has(key)) await make(key)
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}
