import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createPostgresStore } from './store/postgres'
import type {} from './storeTypes'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, readList, seed, testHandler } from '../../test/support/server/database'

let primary: AuditLogStore
let url: string
let drop: () => Promise<void>
let replica: pg.Pool
let store: AuditLogStore

beforeAll(async () => {
  ;({ store: primary, url, drop } = await freshStore())
  await seed(primary, { count: 600, tenants: ['acme', 'globex'], seed: 9, end: Date.now() - 60_000 })
  // A pool that refuses every write, as a hot standby does.
  replica = new pg.Pool({ connectionString: url, max: 2, options: '-c default_transaction_read_only=on' })
  replica.on('error', () => undefined)
  store = await createPostgresStore({ pool: primary.pool, readPool: replica })
  await store.migrate()
}, 60_000)
afterAll(async () => {
  await replica.end()
  await drop()
})

const columns = [
  { key: 'createdAt', label: 'Time' },
  { key: 'action', label: 'Action' },
]

/** Everything a viewer and a producer do: list, count, filter, values, histogram, export, ingest, sendAudit, keys, config, integrity. */
let sessions = 0
async function session(): Promise<void> {
  sessions += 1
  const handler = testHandler(store)
  const page = await readList(await call(handler, '/events?limit=20&filter.severity=critical&search=a', { tenant: 'acme' }))
  await readList(
    await call(handler, `/events?limit=20&filter.severity=critical&search=a&cursor=${encodeURIComponent(page.nextCursor ?? '')}`, { tenant: 'acme' }),
  )
  await readList(await call(handler, '/events?limit=20&count=exact&sort=action:asc', { tenant: 'acme' }))
  expect((await call(handler, `/events/${encodeURIComponent(page.events[0]?.id ?? 'none')}`, { tenant: 'acme' })).status).toBe(200)
  expect((await call(handler, '/field-values?key=action&limit=5', { tenant: 'acme' })).status).toBe(200)
  const edges = ['2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z'].map((edge) => `edge=${encodeURIComponent(edge)}`).join('&')
  expect((await call(handler, `/histogram?${edges}&split=severity`, { tenant: 'acme' })).status).toBe(200)
  const csv = await call(handler, '/export', { tenant: 'acme', method: 'POST', body: { query: {}, columns, timeZone: 'UTC' } })
  expect(csv.status).toBe(200)
  await csv.arrayBuffer()
  expect((await call(handler, '/events', { tenant: 'acme', method: 'POST', body: [{ id: `routed-${sessions}-1`, action: 'login' }] })).status).toBe(
    201,
  )
  await store.sendAudit({ tenantId: 'acme', id: `routed-${sessions}-2`, action: 'logout' })
  const key = await store.createIngestKey('acme', 'ci')
  expect(await store.authenticateIngestKey(key.key)).toBe('acme')
  await store.listIngestKeys('acme')
  await store.revokeIngestKey('acme', key.id)
  await store.saveFieldConfig('acme', [{ key: 'action', label: 'Action' }])
  await store.loadFieldConfig('acme')
  await store.setRetention('acme', { legalHold: false })
  await store.getRetention('acme')
  expect((await store.verifyIntegrity('acme')).problem).toBeUndefined()
}

describe('beyond one machine', () => {
  it('reads lists, counts, exports, field values and the histogram from readPool, and writes only to the primary', async () => {
    await expect(replica.query("insert into audit_field_configs (tenant_id, fields) values ('x', '[]')")).rejects.toThrow(/read-only transaction/)
    const reads = vi.spyOn(replica, 'query')
    const connects = vi.spyOn(replica, 'connect')
    try {
      await session()
      const texts = reads.mock.calls.map(([text]: unknown[]) => String(text))
      const connected = connects.mock.calls.length
      expect(texts.some((text) => text.startsWith('select data'))).toBe(true)
      expect(texts.some((text) => text.startsWith('select count(*)'))).toBe(true)
      expect(texts.some((text) => text.includes('mode() within group'))).toBe(true)
      expect(texts.some((text) => /width_bucket|bucket/.test(text))).toBe(true)
      // The export's COPY takes a connection of its own from the read pool.
      expect(connected).toBeGreaterThan(0)
    } finally {
      reads.mockRestore()
      connects.mockRestore()
    }
    const { rows } = await primary.pool.query<{ id: string }>(
      "select id from audit_events where tenant_id = 'acme' and id like 'routed-%' order by id",
    )
    expect(rows.map((row) => row.id)).toEqual(['routed-1-1', 'routed-1-2'])
  })

  it('names one tenant in every statement it sends, so each runs on one shard of a table distributed by tenant_id', async () => {
    const spy = vi.spyOn(pg.Client.prototype, 'query')
    let calls: unknown[][]
    try {
      await session()
    } finally {
      // Restoring forgets the calls: kept first.
      calls = [...spy.mock.calls]
      spy.mockRestore()
    }
    // Control statements, and making a month's partition (DDL, which Citus runs on every shard): no tenant to route by.
    const CONTROL = /^\s*(begin|commit|rollback|set local|fetch \d+ from|close|reset|select pg_advisory|select audit_events_partition\()/i
    const statements = calls
      .map(([config, values]: unknown[]) =>
        typeof config === 'string'
          ? { text: config, values: (values ?? []) as unknown[] }
          : { text: (config as { text: string }).text, values: (config as { values?: unknown[] }).values ?? [] },
      )
      .filter(({ text }) => /\baudit_/.test(text) && !CONTROL.test(text))
    expect(statements.length).toBeGreaterThan(20)
    const routable = ({ text, values }: { text: string; values: unknown[] }): boolean => {
      const named = [
        ...[...text.matchAll(/\btenant_id = \$(\d+)/g)].map((match) => values[Number(match[1]) - 1]),
        // The export's COPY, which takes no parameters: the tenant as a quoted literal.
        ...[...text.matchAll(/\btenant_id = '([^']*)'/g)].map((match) => match[1]),
      ]
      if (named.length > 0) return named.every((value) => value === 'acme')
      // The pipelined append: a function whose first argument is the tenant (on Citus, distributed by it).
      if (/^\s*select audit_append_linked\(\$1,/.test(text)) return values[0] === 'acme'
      // An insert whose tenant column comes first, from one parameter.
      return /^\s*(with [\s\S]*?\)\s*)?insert into audit_\w+ (as \w+ )?\(tenant_id,/.test(text) && values[0] === 'acme'
    }
    const unroutable = statements.filter((statement) => !routable(statement)).map(({ text }) => text.replace(/\s+/g, ' ').slice(0, 120))
    // The one lookup before any tenant is known: which tenant an ingest key writes for, by the key's id (unique
    // across tenants). On Citus, audit_ingest_keys is a reference table (small, on every node); see docs/server.md.
    expect(unroutable).toEqual(['select tenant_id, secret_sha256 from audit_ingest_keys where id = $1 and revoked_at is null'])
  })
})
