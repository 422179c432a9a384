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

/** A name from the catalog as an identifier. */
const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`

/** An index name PostgreSQL keeps whole (63 bytes at most): the key's letters and a digest of the key. */
const indexName = (key: string): string =>
  `audit_events_f_${key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 24)}_${createHash('sha256').update(key).digest('hex').slice(0, 8)}`

/**
 * The store's field-filter indexes: which keys have one, and making the missing ones. Each is a GIN over
 * `(tenant_id, audit_values(data #> '{path}'))`, made `concurrently` on each partition (ingest goes on meanwhile) and recorded in
 * `audit_filter_indexes` once it is valid, so a filter is written for it only then.
 */
export function filterIndexes(pool: Pool) {
  const indexed = new Set<string>()
  // One build at a time: concurrent builds on one table wait on each other's snapshots anyway.
  let queue: Promise<unknown> = Promise.resolve()

  /** Each partition's own index, made concurrently (ingest goes on) and attached to the parent's. */
  const makeOnPartitions = async (name: string, method: string): Promise<void> => {
    const { rows: parts } = await pool.query<{ partition: string; suffix: string }>(
      `select c.relname as partition, substring(c.relname from '^audit_events_(.*)$') as suffix
       from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = to_regclass(current_schema() || '.audit_events')`,
    )
    for (const { partition, suffix } of parts) {
      const child = `${name}_${suffix}`
      // A build that failed midway leaves an invalid index of this name: dropped first, so it is made again.
      const { rows } = await pool.query<{ valid: boolean; attached: boolean }>(
        `select indisvalid as valid, exists (select 1 from pg_inherits where inhrelid = indexrelid) as attached
         from pg_index where indexrelid = to_regclass(current_schema() || '.' || $1)`,
        [child],
      )
      if (rows[0]?.attached) continue
      if (rows[0]?.valid === false) await pool.query(`drop index concurrently if exists ${child}`)
      await pool.query(`create index concurrently if not exists ${child} on ${quoted(partition)} ${method}`)
      await pool.query(`alter index ${name} attach partition ${child}`)
    }
  }

  const make = async (key: string): Promise<void> => {
    const path = pathOf(key, 'The filter index')
    const name = indexName(key)
    const method = `using gin (tenant_id, audit_values(data #> ${pathLiteral(path)}))`
    // A partitioned table's index cannot be made concurrently: it is declared on the parent alone (partitions
    // made from now on get it at once), then made on each existing partition; it serves once all are attached.
    await pool.query(`create index if not exists ${name} on only audit_events ${method}`)
    await makeOnPartitions(name, method)
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
