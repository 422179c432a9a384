import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { pageStatement } from './store/postgres'
import type {} from './storeTypes'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, readList, seed, testHandler } from '../../test/support/server/database'

let store: AuditLogStore
let drop: () => Promise<void>

beforeAll(async () => {
  ;({ store, drop } = await freshStore())
  await seed(store, { count: 3000, tenants: ['acme', 'globex'], seed: 5 })
  await store.pool.query('analyze audit_events')
}, 60_000)
afterAll(() => drop())

/** The plan of a list statement, with sequential scans ruled out (the table is small): which index serves it. */
async function planOf(statement: { text: string; values: unknown[] }): Promise<string> {
  const client = await store.pool.connect()
  try {
    await client.query('set enable_seqscan = off')
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain ${statement.text}`, statement.values)
    return rows.map((row) => row['QUERY PLAN']).join('\n')
  } finally {
    await client.query('reset enable_seqscan')
    client.release()
  }
}

/** Whether a plan reads a filter index: on a partitioned table, through the index of a partition attached to it. */
async function servedBy(plan: string, index: string): Promise<boolean> {
  const { rows } = await store.pool.query<{ name: string; valid: boolean }>(
    `select c.relname as name, x.indisvalid as valid from pg_inherits i join pg_class c on c.oid = i.inhrelid
     join pg_index x on x.indexrelid = to_regclass($1) where i.inhparent = to_regclass($1)`,
    [index],
  )
  // Valid: every partition has its own.
  expect(rows.length).toBeGreaterThan(0)
  expect(rows.every((row) => row.valid)).toBe(true)
  return rows.some((row) => plan.includes(row.name))
}

describe('filter indexes', () => {
  it('serves a filter on an offered field from its expression index, and answers as the exact match does', async () => {
    const { rows } = await store.pool.query<{ key: string; index_name: string }>('select key, index_name from audit_filter_indexes order by key')
    expect(rows.map((row) => row.key)).toContain('severity')
    const severityIndex = rows.find((row) => row.key === 'severity')?.index_name ?? ''
    const search = { filters: { severity: ['critical', 'HIGH'] } }
    const indexed = await planOf(pageStatement('acme', { search, limit: 50 }, new Set(['severity'])))
    expect(await servedBy(indexed, severityIndex)).toBe(true)
    // Without the index's form of the condition, nothing but a scan of the tenant finds the rows.
    expect(await servedBy(await planOf(pageStatement('acme', { search, limit: 50 })), severityIndex)).toBe(false)

    const handler = testHandler(store)
    const page = await readList(await call(handler, '/events?limit=1000&filter.severity=critical&filter.severity=HIGH', { tenant: 'acme' }))
    const { rows: exact } = await store.pool.query<{ id: string }>(
      `select id from audit_events where tenant_id = 'acme' and lower(data->>'severity') in ('critical', 'high') order by created_at desc, id desc`,
    )
    expect(page.events.map((event) => event.id)).toEqual(exact.map((row) => row.id))
    expect(page.total).toBe(exact.length)
  })

  it('indexes a field the stored data structure offers for filtering, once', async () => {
    await store.saveFieldConfig('acme', [{ key: 'payload.title', label: 'Title', filterable: true, custom: true }])
    await store.indexFilters(['payload.title', 'payload.title'])
    const { rows } = await store.pool.query<{ key: string }>("select key from audit_filter_indexes where key = 'payload.title'")
    expect(rows).toHaveLength(1)
    const { rows: named } = await store.pool.query<{ name: string }>(
      "select index_name as name from audit_filter_indexes where key = 'payload.title'",
    )
    const plan = await planOf(pageStatement('acme', { search: { filters: { 'payload.title': ['x'] } }, limit: 50 }, new Set(['payload.title'])))
    expect(await servedBy(plan, named[0]?.name ?? '')).toBe(true)
  })
})
