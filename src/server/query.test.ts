import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { AuditQuery } from '../core/types'
import type { GeneratedAuditEvent } from '../msw/generateEvents'
import { queryToSearchParams } from '../adapter/restContract'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, readList, seed, testHandler } from '../../test/support/server/database'
import type { AuditLogHandler } from './types'

let store: AuditLogStore
let drop: () => Promise<void>
let handler: AuditLogHandler
let events: GeneratedAuditEvent[]

beforeAll(async () => {
  ;({ store, drop } = await freshStore())
  events = await seed(store, { count: 4000, tenants: ['acme', 'globex'], seed: 11 })
  handler = testHandler(store)
}, 60_000)
afterAll(() => drop())

/** Every page of a search through the handler, in order. */
async function serverIds(query: Omit<AuditQuery, 'limit'>): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | null = null
  do {
    const params = queryToSearchParams({ ...query, limit: 700, ...(cursor ? { cursor } : {}) })
    const page = await readList(await call(handler, `/events?${params.toString()}`, { tenant: 'acme' }))
    ids.push(...page.events.map((event) => event.id))
    cursor = page.nextCursor
  } while (cursor)
  return ids
}

/** The same search written directly in SQL, independently of the server's query builder. */
async function sqlIds(where: string, order: string, values: unknown[] = []): Promise<string[]> {
  const { rows } = await store.pool.query<{ id: string }>(
    `select id from audit_events where tenant_id = 'acme' and ${where} order by ${order}`,
    values,
  )
  return rows.map((row) => row.id)
}

/** A text that some value of the event holds, ignoring case (walks the jsonb itself). */
const holds = (placeholder: string) =>
  `exists (select 1 from jsonb_path_query(data, 'strict $.**') as v(value) where jsonb_typeof(v.value) in ('string', 'number') and strpos(lower(v.value #>> '{}'), ${placeholder}) > 0)`

async function memoryIds(query: Omit<AuditQuery, 'limit'>): Promise<Set<string>> {
  const adapter = createMemoryAdapter(events.filter((event) => event.tenantId === 'acme'))
  const ids = new Set<string>()
  let cursor: string | null | undefined
  do {
    const page = await adapter.listEvents({ ...query, limit: 1000, ...(cursor ? { cursor } : {}) }, { signal: new AbortController().signal })
    for (const event of page.events) ids.add(event.id)
    cursor = page.nextCursor
  } while (cursor)
  return ids
}

const NEWEST = 'created_at desc, id desc'

describe('search, filters, sort and ranges agree with SQL run directly (and with the memory adapter)', () => {
  it('the whole log, newest first', async () => {
    const ids = await serverIds({})
    expect(ids.length).toBeGreaterThan(1000)
    expect(ids).toEqual(await sqlIds('true', NEWEST))
  })

  it('free text: every word, anywhere in the event, ignoring case', async () => {
    const query = { search: 'SIGNED priya' }
    const ids = await serverIds(query)
    expect(ids.length).toBeGreaterThan(10)
    expect(ids).toEqual(await sqlIds(`${holds('$1')} and ${holds('$2')}`, NEWEST, ['signed', 'priya']))
    expect(new Set(ids)).toEqual(await memoryIds(query))
    // Like-wildcards are literal text.
    expect(await serverIds({ search: '%' })).toEqual(await sqlIds(holds('$1'), NEWEST, ['%']))
  })

  it('filters: any accepted value, ignoring case, nested paths, across fields', async () => {
    const query = { filters: { severity: ['high', 'CRITICAL'], 'user.email': ['ana.souza@example.com', 'mei.tanaka@example.com'] } }
    const ids = await serverIds(query)
    expect(ids.length).toBeGreaterThan(10)
    const where = `lower(data->>'severity') = any($1) and lower(data #>> '{user,email}') = any($2)`
    expect(ids).toEqual(
      await sqlIds(where, NEWEST, [
        ['high', 'critical'],
        ['ana.souza@example.com', 'mei.tanaka@example.com'],
      ]),
    )
    expect(new Set(ids)).toEqual(await memoryIds(query))
    // Items of an array value match too.
    const tagged = await serverIds({ filters: { 'payload.tags': ['BULK'] } })
    expect(tagged).toEqual(await sqlIds(`data #> '{payload,tags}' ? 'bulk'`, NEWEST))
    expect(tagged.length).toBeGreaterThan(10)
  })

  it('a half-open range [from, to)', async () => {
    const sorted = events.filter((event) => event.tenantId === 'acme').map((event) => event.createdAt)
    const from = sorted[900] ?? ''
    const to = sorted[100] ?? ''
    const query = { from, to }
    const ids = await serverIds(query)
    expect(ids).toEqual(await sqlIds('created_at >= $1 and created_at < $2', NEWEST, [from, to]))
    expect(ids).not.toContain(events.find((event) => event.createdAt === to)?.id)
    expect(ids).toContain(events.find((event) => event.createdAt === from)?.id)
    expect(new Set(ids)).toEqual(await memoryIds(query))
  })

  it('sorts by a text field, and by a number with missing values last, in both directions', async () => {
    expect(await serverIds({ sort: { key: 'action', direction: 'asc' } })).toEqual(
      await sqlIds('true', `data->>'action' asc, created_at asc, id asc`),
    )
    const amount = `(data #>> '{payload,amount,value}')::numeric`
    expect(await serverIds({ sort: { key: 'payload.amount.value', direction: 'desc' } })).toEqual(
      await sqlIds('true', `${amount} desc nulls last, ${NEWEST}`),
    )
    expect(await serverIds({ sort: { key: 'payload.amount.value', direction: 'asc' } })).toEqual(
      await sqlIds('true', `${amount} asc nulls last, created_at asc, id asc`),
    )
  })

  it('everything at once', async () => {
    const sorted = events.filter((event) => event.tenantId === 'acme').map((event) => event.createdAt)
    const query = {
      from: sorted[1500] ?? '',
      search: 'portal',
      filters: { result: ['SUCCESS'] },
      sort: { key: 'user.name', direction: 'desc' as const },
    }
    const ids = await serverIds(query)
    expect(ids.length).toBeGreaterThan(10)
    const where = `created_at >= $1 and ${holds('$2')} and lower(data->>'result') = 'success'`
    expect(ids).toEqual(await sqlIds(where, `data #>> '{user,name}' desc, ${NEWEST}`, [query.from, 'portal']))
    expect(new Set(ids)).toEqual(await memoryIds(query))
  })
})
