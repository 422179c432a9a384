import type { Queryable } from '../store/queryable'
import { auditTrail } from './auditTrail'
import { baseline } from './baseline'
import { chain } from './chain'
import { filterValues } from './filterValues'
import { filterValuesProcedural } from './filterValuesProcedural'
import { partitions } from './partitions'
import { pipelinedAppend } from './pipelinedAppend'
import { savedViews } from './savedViews'
import { sensitive } from './sensitive'
import type { Migration } from './migration'

export type { Migration } from './migration'

/** Every schema step, in order. A database records the last one it applied in `audit_schema_migrations`. */
export const MIGRATIONS: readonly Migration[] = [
  baseline,
  auditTrail,
  sensitive,
  chain,
  savedViews,
  filterValues,
  partitions,
  pipelinedAppend,
  filterValuesProcedural,
]

/** The version a database has once `migrate()` ran. */
export const SCHEMA_VERSION = MIGRATIONS.length

const LOCK = "select pg_advisory_xact_lock(hashtext('react-audit-logs:migrate'))"
const VERSION_TABLE = `create table if not exists audit_schema_migrations (
  version int primary key,
  name text not null,
  applied_at timestamptz not null default now()
)`

interface Connection extends Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>
}

/** A pool hands out one connection for the transaction; a client is one already. */
async function connection(db: Queryable): Promise<{ client: Connection; release: () => void }> {
  const pool = db as Partial<{ connect(): Promise<Connection & { release(): void }>; totalCount: number }>
  if (typeof pool.totalCount === 'number' && typeof pool.connect === 'function') {
    const client = await pool.connect()
    return { client, release: () => client.release() }
  }
  return { client: db, release: () => undefined }
}

/**
 * Brings the schema to the latest version: the steps a database has not recorded yet run in order, in one
 * transaction under an advisory lock, so two servers that start together apply each step once and a failed
 * step leaves the database as it was. A database made before versions were kept upgrades in place.
 */
export async function migrate(db: Queryable): Promise<void> {
  const { client, release } = await connection(db)
  try {
    await client.query('begin')
    await client.query(LOCK)
    await client.query(VERSION_TABLE)
    const result = (await client.query('select coalesce(max(version), 0) as version from audit_schema_migrations')) as {
      rows: Array<{ version: number }>
    }
    const current = result.rows[0]?.version ?? 0
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `react-audit-logs: the database's schema is version ${current}, newer than this release's ${SCHEMA_VERSION}. Upgrade the package.`,
      )
    }
    for (const step of MIGRATIONS.filter((candidate) => candidate.version > current)) {
      for (const statement of step.statements) await client.query(statement)
      await client.query('insert into audit_schema_migrations (version, name) values ($1, $2)', [step.version, step.name])
    }
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    release()
  }
}
