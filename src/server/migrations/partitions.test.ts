import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appendLinks, GENESIS } from '../chain/hashChain'
import { checkEvent } from '../ingest/checkEvent'
import { pageStatement } from '../store/postgres'
import { freshStore } from '../../../test/support/server/database'
import { MIGRATIONS, SCHEMA_VERSION } from './index'

let database: Awaited<ReturnType<typeof freshStore>>
let client: pg.Client

const MONTHS = ['2025-11', '2025-12', '2026-01']

/** A database as release 6 left it: every step before partitions, recorded, with chained events of two tenants. */
async function databaseAtVersion6(): Promise<void> {
  for (const step of MIGRATIONS.filter((candidate) => candidate.version <= 6)) {
    for (const statement of step.statements) await client.query(statement)
  }
  await client.query(
    'create table audit_schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())',
  )
  await client.query("insert into audit_schema_migrations (version, name) select n, 'step ' || n from generate_series(1, 6) as n")
  // A filter index as the release-6 store made it.
  await client.query(`create index audit_events_f_severity on audit_events using gin (tenant_id, audit_values(data #> '{severity}'::text[]))`)
  await client.query("insert into audit_filter_indexes (key, index_name) values ('severity', 'audit_events_f_severity')")
  for (const tenant of ['acme', 'globex']) {
    const rows = MONTHS.flatMap((month, m) =>
      Array.from({ length: 20 }, (_, n) =>
        checkEvent({ id: `${tenant}-${m}-${n}`, action: 'user.login', severity: 'low', createdAt: `${month}-1${n % 9}T10:00:00Z` }, tenant, 'e'),
      ),
    )
    const { links, head } = appendLinks(
      { seq: 0, hash: GENESIS },
      rows.map((row) => JSON.parse(JSON.stringify(row.data)) as unknown),
    )
    await client.query(
      `insert into audit_events (tenant_id, id, created_at, received_at, data, search_text, seq, hash)
       select $1, * from unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::jsonb[], $6::text[], $7::int8[], $8::bytea[])`,
      [
        tenant,
        rows.map((row) => row.id),
        rows.map((row) => row.createdAt),
        rows.map((row) => row.receivedAt),
        rows.map((row) => JSON.stringify(row.data)),
        rows.map((row) => row.searchText),
        links.map((link) => link.seq),
        links.map((link) => link.hash),
      ],
    )
    await client.query('insert into audit_chain_heads (tenant_id, seq, hash) values ($1, $2, $3)', [tenant, head.seq, head.hash])
  }
  // One event outside the months the store makes partitions for.
  await client.query(
    `insert into audit_events (tenant_id, id, created_at, data, search_text) values ('acme', 'stray', '1999-01-01Z', '{"id":"stray"}', 'stray')`,
  )
}

beforeAll(async () => {
  database = await freshStore({ migrate: false })
  client = new pg.Client(database.url)
  await client.connect()
  await databaseAtVersion6()
  await database.store.migrate()
}, 60_000)
afterAll(async () => {
  await client.end()
  await database.drop()
})

const partitionOf = async (tenant: string, id: string): Promise<string> =>
  (await client.query<{ name: string }>('select tableoid::regclass::text as name from audit_events where tenant_id = $1 and id = $2', [tenant, id]))
    .rows[0]?.name ?? 'none'

describe('monthly partitions', () => {
  it('upgrades a database at version 6 with its events: each in its month, the chain intact, the filter index on every partition', async () => {
    const { rows } = await client.query<{ version: number }>('select max(version) as version from audit_schema_migrations')
    expect(rows[0]?.version).toBe(SCHEMA_VERSION)
    const kind = await client.query<{ relkind: string }>("select relkind from pg_class where relname = 'audit_events'")
    expect(kind.rows[0]?.relkind).toBe('p')
    const counts = await client.query<{ count: string }>('select count(*) as count from audit_events')
    expect(Number(counts.rows[0]?.count)).toBe(121)
    expect(await partitionOf('acme', 'acme-0-3')).toBe('audit_events_y2025m11')
    expect(await partitionOf('globex', 'globex-2-3')).toBe('audit_events_y2026m01')
    expect(await partitionOf('acme', 'stray')).toBe('audit_events_default')
    for (const tenant of ['acme', 'globex']) {
      const report = await database.store.verifyIntegrity(tenant)
      expect(report.problem).toBeUndefined()
      expect(report.events).toBe(60)
    }
    expect((await database.store.getEvent('acme', 'acme-1-4'))?.id).toBe('acme-1-4')
    const indexes = await client.query<{ name: string }>(
      "select indexrelid::regclass::text as name from pg_index where indrelid = 'audit_events_y2025m12'::regclass order by 1",
    )
    expect(indexes.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/tenant_id_created_at_id_idx$/),
        expect.stringMatching(/tenant_id_search_text_idx$/),
        expect.stringMatching(/tenant_id_seq_idx$/),
        expect.stringMatching(/audit_values_idx$/),
      ]),
    )
  })

  it('makes the months around now ahead, and a month ingest meets without one before storing its events', async () => {
    const now = new Date()
    const name = (date: Date) => `audit_events_y${date.getUTCFullYear()}m${String(date.getUTCMonth() + 1).padStart(2, '0')}`
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1))
    const { rows } = await client.query<{ name: string }>(
      "select relname as name from pg_class where relname like 'audit_events_y%' and relkind = 'r'",
    )
    expect(rows.map((row) => row.name)).toContain(name(next))
    expect(rows.map((row) => row.name)).not.toContain('audit_events_y2024m05')

    await database.store.ingest('acme', [{ id: 'may', action: 'x', createdAt: '2024-05-09T00:00:00Z' }])
    expect(await partitionOf('acme', 'may')).toBe('audit_events_y2024m05')
    // Far outside the window: the default partition, no partition made for it.
    await database.store.ingest('acme', [{ id: 'ancient', action: 'x', createdAt: '1970-01-02T00:00:00Z' }])
    expect(await partitionOf('acme', 'ancient')).toBe('audit_events_default')
  })

  it('leaves a month whose events the default partition already holds there, and ingest goes on', async () => {
    const instant = `${new Date().getUTCFullYear() - 9}-03-05T00:00:00Z`
    await client.query(
      `insert into audit_events_default (tenant_id, id, created_at, data, search_text) values ('acme', 'in-default', $1, '{"id":"in-default"}', '')`,
      [instant],
    )
    const { rows } = await client.query<{ name: string | null }>('select audit_events_partition($1) as name', [instant])
    expect(rows[0]?.name).toBeNull()
    await database.store.ingest('acme', [{ id: 'beside-it', action: 'x', createdAt: instant }])
    expect(await partitionOf('acme', 'beside-it')).toBe('audit_events_default')
  })

  it('keeps ids unique per tenant across months: the same id at another time is stored once', async () => {
    const first = await database.store.ingest('acme', [{ id: 'twice', action: 'x', createdAt: '2025-12-01T00:00:00Z' }])
    const again = await database.store.ingest('acme', [{ id: 'twice', action: 'y', createdAt: '2026-01-05T00:00:00Z' }])
    expect([first.inserted, again.inserted]).toEqual([1, 0])
    expect(await database.store.ingest('globex', [{ id: 'twice', action: 'x' }])).toMatchObject({ inserted: 1 })
    // Even a write that skips the store's check is refused by the key.
    await expect(
      client.query(`insert into audit_events (tenant_id, id, created_at, data, search_text) values ('acme', 'twice', '2026-01-09Z', '{}', '')`),
    ).rejects.toThrow(/audit_event_ids_pkey/)
  })

  it('keeps every partition and the ids append-only: update, delete and truncate are refused', async () => {
    for (const table of ['audit_events_y2025m11', 'audit_events_default', 'audit_events']) {
      await expect(client.query(`update ${table} set data = '{}'`)).rejects.toThrow(/append-only/)
      await expect(client.query(`delete from ${table}`)).rejects.toThrow(/append-only/)
      await expect(client.query(`truncate ${table}`)).rejects.toThrow(/append-only/)
    }
    // An id deleted could be stored again; an id's time changed would hide its event from a lookup by id.
    await expect(client.query('update audit_event_ids set created_at = now()')).rejects.toThrow(/append-only/)
    await expect(client.query('delete from audit_event_ids')).rejects.toThrow(/append-only/)
    await expect(client.query('truncate audit_event_ids')).rejects.toThrow(/append-only/)
  })

  it("reads only the partition of a one-month range: the list's own statement, filtered and searched", async () => {
    const search = { from: '2025-12-01T00:00:00Z', to: '2026-01-01T00:00:00Z', search: 'login', filters: { severity: ['low'] } }
    const statement = pageStatement('acme', { search, limit: 50 }, new Set(['severity']))
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain ${statement.text}`, statement.values)
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n')
    expect(plan).toMatch(/audit_events_y2025m12/)
    expect(plan).not.toMatch(/audit_events_y2025m11|audit_events_y2026m01|audit_events_default/)
  })
})
