import { generateKeyPairSync } from 'node:crypto'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createPostgresStore } from './store/postgres'
import type { AuditLogStore } from './storeTypes'
import type { RetentionRun } from './store/retention'
import { freshStore } from '../../test/support/server/database'

let store: AuditLogStore
let url: string
let drop: () => Promise<void>
let owner: pg.Client
const { privateKey } = generateKeyPairSync('ed25519')

const DAY = 86_400_000
/** The first instant of the UTC month `back` months before now, plus some days. */
const monthsAgo = (back: number, day = 3): string => {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, day, 12)).toISOString()
}
const monthName = (instant: string): string => `audit_events_y${instant.slice(0, 4)}m${instant.slice(5, 7)}`
const OLD = monthsAgo(8)
const LESS_OLD = monthsAgo(6)
const events = (prefix: string, createdAt: string, count: number) =>
  Array.from({ length: count }, (_, n) => ({
    id: `${prefix}-${n}`,
    action: 'user.login',
    createdAt: new Date(Date.parse(createdAt) + n * 60_000).toISOString(),
  }))

const ids = async (tenant: string): Promise<string[]> =>
  (await owner.query<{ id: string }>('select id from audit_events where tenant_id = $1 order by seq', [tenant])).rows.map((row) => row.id)

let runs: RetentionRun[]

beforeAll(async () => {
  ;({ store, url, drop } = await freshStore({ store: { checkpoints: { privateKey, keyId: 'k1', everyEvents: 7 } } }))
  owner = new pg.Client(url)
  await owner.connect()
  // acme: events of a month shared with tenants whose events are due or held, of a month shared with a tenant
  // that keeps everything, recent events, then an event backdated to the old months but chained after recent ones.
  await store.ingest('acme', events('acme-old', OLD, 10))
  await store.ingest('acme', events('acme-less-old', LESS_OLD, 10))
  await store.ingest('acme', events('acme-recent', new Date(Date.now() - 2 * DAY).toISOString(), 10))
  await store.ingest('acme', events('acme-late', LESS_OLD, 1))
  await store.ingest('globex', events('globex-old', OLD, 5))
  await store.ingest('initech', events('initech-less-old', LESS_OLD, 5))
  await store.ingest('hooli', events('hooli-old', OLD, 5))
  // One batch, old and recent: its checkpoint is signed at its end, so the cut falls between checkpoints.
  await store.ingest('umbrella', [...events('umbrella-old', LESS_OLD, 3), ...events('umbrella-recent', new Date().toISOString(), 3)])
  await store.setRetention('acme', { days: 90 })
  await store.setRetention('globex', { days: 30 })
  await store.setRetention('hooli', { days: 30, legalHold: true })
  await store.setRetention('umbrella', { days: 90 })
  // A tenant with only events stored before the chain existed (unchained, no chain head).
  await owner.query(
    `insert into audit_events (tenant_id, id, created_at, data, search_text) values ('legacy', 'legacy-1', $1, '{"id":"legacy-1"}', 'legacy-1')`,
    [OLD],
  )
  // Set in SQL: through the store it would record an event, and so make a chain head.
  await owner.query("insert into audit_retention (tenant_id, days) values ('legacy', 30)")
  runs = await store.applyRetention()
}, 60_000)
afterAll(async () => {
  await owner.end()
  await drop()
})

describe('retention and legal hold', () => {
  it('removes what is past each tenant’s period, by range where a month holds events that stay, none of a held tenant', async () => {
    expect(runs.map(({ tenantId, held, removed }) => ({ tenantId, held, removed }))).toEqual([
      { tenantId: 'hooli', held: true, removed: 0 },
      { tenantId: 'acme', held: false, removed: 20 },
      { tenantId: 'globex', held: false, removed: 5 },
      { tenantId: 'legacy', held: false, removed: 1 },
      { tenantId: 'umbrella', held: false, removed: 3 },
    ])
    const { rows } = await owner.query<{ name: string | null }>('select to_regclass($1)::text as name', [monthName(OLD)])
    // The month of acme's and globex's oldest events (and hooli's, held) stays: hooli's are kept.
    expect(rows[0]?.name).toBe(monthName(OLD))
    expect(await ids('initech')).toHaveLength(5)
    expect(await ids('hooli')).toEqual(expect.arrayContaining(['hooli-old-0', 'hooli-old-4']))
    expect(await ids('globex')).not.toContain('globex-old-0')
    // An event created long ago but chained after recent ones waits for them.
    const acme = await ids('acme')
    expect(acme.filter((id) => id.startsWith('acme-old') || id.startsWith('acme-less-old'))).toEqual([])
    expect(acme).toContain('acme-late-0')
    expect(acme).toContain('acme-recent-9')
    expect(await store.getEvent('acme', 'acme-old-1')).toBeNull()
  })

  it('drops a month whole once every tenant in it is due and none is held', async () => {
    await store.setRetention('hooli', { legalHold: false })
    const again = await store.applyRetention()
    expect(again.find((run) => run.tenantId === 'hooli')).toMatchObject({ held: false, removed: 5 })
    const { rows } = await owner.query<{ name: string | null }>('select to_regclass($1)::text as name', [monthName(OLD)])
    expect(rows[0]?.name).toBeNull()
    // The month shared with a tenant that keeps its events stays.
    const { rows: shared } = await owner.query<{ name: string | null }>('select to_regclass($1)::text as name', [monthName(LESS_OLD)])
    expect(shared[0]?.name).toBe(monthName(LESS_OLD))
  })

  it('records each run as an audit event of its tenant', async () => {
    const { rows } = await owner.query<{ tenant_id: string; action: string; payload: { removed?: number } }>(
      `select tenant_id, data->>'action' as action, data->'payload' as payload from audit_events where data->>'action' like 'Audit log retention %' order by seq`,
    )
    expect(rows.filter((row) => row.tenant_id === 'hooli').map((row) => row.action)).toEqual([
      'Audit log retention held',
      'Audit log retention applied',
    ])
    expect(rows.find((row) => row.tenant_id === 'acme' && row.action === 'Audit log retention applied')?.payload.removed).toBe(20)
  })

  it('verifies the rest of the chain from the cut, and still catches a change after it', async () => {
    for (const tenant of ['acme', 'globex', 'hooli', 'umbrella']) expect((await store.verifyIntegrity(tenant)).problem).toBeUndefined()
    const { rows } = await owner.query<{ tenant_id: string; cut_seq: string }>(
      "select tenant_id, cut_seq from audit_chain_heads where tenant_id in ('acme', 'umbrella') order by tenant_id",
    )
    expect(rows.map((row) => Number(row.cut_seq))).toEqual([20, 3])
    // No signed checkpoint at umbrella's cut: its walk starts from the hash recorded there.
    const { rows: signed } = await owner.query("select 1 from audit_checkpoints where tenant_id = 'umbrella' and seq <= 3")
    expect(signed).toEqual([])

    await owner.query('set session_replication_role = replica')
    await owner.query(`update audit_events set data = data || '{"action": "nothing"}' where tenant_id = 'acme' and id = 'acme-recent-3'`)
    await owner.query('set session_replication_role = origin')
    expect((await store.verifyIntegrity('acme')).problem).toMatchObject({ reason: 'content-changed', eventId: 'acme-recent-3' })
  })

  it('lets nothing but retention delete: not a held tenant, not what is not due, not past the cut', async () => {
    await owner.query("select set_config('audit.retention_tenant', 'initech', false)")
    await expect(owner.query("delete from audit_events where tenant_id = 'initech'")).rejects.toThrow(/append-only/)
    await owner.query("select set_config('audit.retention_tenant', 'acme', false)")
    // Due by its time, but chained after events that are not.
    await expect(owner.query("delete from audit_events where tenant_id = 'acme' and id = 'acme-late-0'")).rejects.toThrow(/append-only/)
    await expect(owner.query("delete from audit_events where tenant_id = 'acme' and id = 'acme-recent-0'")).rejects.toThrow(/append-only/)
    await owner.query("select set_config('audit.retention_tenant', '', false)")
    await expect(store.setRetention('acme', { days: 0 })).rejects.toThrow(/whole number/)
    await expect(store.setRetention('acme', { legalHold: 'yes' as unknown as boolean })).rejects.toThrow(/true or false/)
  })
})

describe('retention run by the application’s role, which owns no partition', () => {
  let fresh: Awaited<ReturnType<typeof freshStore>>
  let app: AuditLogStore
  let admin: pg.Client

  beforeAll(async () => {
    fresh = await freshStore()
    admin = new pg.Client(fresh.url)
    await admin.connect()
    // Every privilege on every table, as a host might grant: still no owner, so no partition can be dropped.
    const role = `app_${Date.now()}`
    await admin.query(`create role ${role} login password 'app'`)
    await admin.query(`grant select, insert, update, delete on all tables in schema public to ${role}`)
    await admin.query(`grant usage, select on all sequences in schema public to ${role}`)
    app = await createPostgresStore({ connectionString: fresh.url.replace(/\/\/[^@]+@/, `//${role}:app@`), poolConfig: { max: 2 } })
    // Alone in its old month: run by the owner, retention would drop that month whole.
    await app.ingest('solo', events('solo-old', OLD, 6))
    await app.ingest('solo', events('solo-recent', new Date(Date.now() - DAY).toISOString(), 4))
    await app.setRetention('solo', { days: 30 })
  }, 60_000)
  afterAll(async () => {
    await app.close()
    await admin.end()
    await fresh.drop()
  })

  it('deletes the due month by range, keeps the partition, records the run, and the chain verifies from the cut', async () => {
    const [run] = await app.applyRetention()
    expect(run).toMatchObject({ tenantId: 'solo', held: false, removed: 6 })
    const { rows: month } = await admin.query<{ name: string | null }>('select to_regclass($1)::text as name', [monthName(OLD)])
    expect(month[0]?.name).toBe(monthName(OLD))
    const { rows: left } = await admin.query<{ id: string }>("select id from audit_events where tenant_id = 'solo' order by seq")
    expect(left.map((row) => row.id).filter((id) => id.startsWith('solo-old'))).toEqual([])
    expect(left.map((row) => row.id).filter((id) => id.startsWith('solo-recent'))).toHaveLength(4)
    const { rows: ids } = await admin.query("select 1 from audit_event_ids where tenant_id = 'solo' and id like 'solo-old-%'")
    expect(ids).toEqual([])
    expect((await app.verifyIntegrity('solo')).problem).toBeUndefined()
  })
})
