import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freshStore } from '../../../test/support/server/database'
import { baseline } from './baseline'
import { migrate, SCHEMA_VERSION } from './index'

describe('versioned migrations', () => {
  let database: Awaited<ReturnType<typeof freshStore>>
  let client: pg.Client

  beforeAll(async () => {
    // An empty database: the store's own migrate is not run here.
    database = await freshStore({ migrate: false })
    client = new pg.Client(database.url)
    await client.connect()
  })
  afterAll(async () => {
    await client.end()
    await database.drop()
  })

  it("upgrades a database made by the previous release's unversioned migrate, keeping its events", async () => {
    // What release 0.1's migrate() ran: the baseline's statements and no version table.
    await client.query(baseline.statements.join(';\n'))
    await client.query(
      `insert into audit_events (tenant_id, id, created_at, data, search_text)
       select 'acme', 'old-' || n, timestamptz '2026-01-01' + n * interval '1 minute',
         jsonb_build_object('id', 'old-' || n, 'createdAt', '2026-01-01T00:00:00Z', 'action', 'user.login'), 'user.login'
       from generate_series(1, 50) as n`,
    )
    const before = await client.query('select id, data from audit_events order by id')

    await migrate(client)

    const after = await client.query('select id, data from audit_events order by id')
    expect(after.rows).toEqual(before.rows)
    const versions = await client.query<{ version: number }>('select version from audit_schema_migrations order by version')
    expect(versions.rows.map((row) => row.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, index) => index + 1))
    // The upgraded table is append-only like a new one.
    await expect(client.query("update audit_events set data = '{}' where id = 'old-1'")).rejects.toThrow(/append-only/)
  })

  it('applies each step once when servers start together, and is a no-op once current', async () => {
    await Promise.all([migrate(database.store.pool), migrate(database.store.pool), migrate(client)])
    const versions = await client.query<{ count: string }>('select count(*) from audit_schema_migrations')
    expect(Number(versions.rows[0]?.count)).toBe(SCHEMA_VERSION)
  })

  it('refuses a database newer than the release', async () => {
    await client.query(`insert into audit_schema_migrations (version, name) values (${SCHEMA_VERSION + 1}, 'from the future')`)
    await expect(migrate(client)).rejects.toThrow(/newer than this release/)
    await client.query(`delete from audit_schema_migrations where version = ${SCHEMA_VERSION + 1}`)
  })
})
