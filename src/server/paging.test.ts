import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { checkEvent } from './ingest/checkEvent'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, type ListBody, readList, seed, testHandler } from '../../test/support/server/database'
import type { AuditLogHandler } from './types'

const COUNT = 20_000
const END = Date.parse('2026-06-01T00:00:00Z')

let store: AuditLogStore
let drop: () => Promise<void>
let handler: AuditLogHandler
let initial: Set<string>

beforeAll(async () => {
  ;({ store, drop } = await freshStore())
  const events = await seed(store, { count: COUNT, tenants: ['acme'], end: END })
  initial = new Set(events.map((event) => event.id))
  handler = testHandler(store)
}, 120_000)
afterAll(() => drop())

let inserted = 0
/** Events arriving while someone pages: newer than all, and backdated to just before a time (late delivery). */
async function insertWhilePaging(before: string | undefined): Promise<string[]> {
  const rows = []
  for (let index = 0; index < 20; index += 1) {
    inserted += 1
    const late = before !== undefined && index % 2 === 1
    const createdAt = late ? new Date(Date.parse(before) - 1 - index).toISOString() : new Date(END + 60_000 + inserted).toISOString()
    rows.push(checkEvent({ id: `new_${inserted}`, action: 'Login', severity: 'Info', createdAt }, 'acme', 'event'))
  }
  await store.insertEvents('acme', rows)
  return rows.filter((_, index) => before !== undefined && index % 2 === 1).map((row) => row.id)
}

async function walk(sort: string | undefined, limit: number) {
  const seen = new Map<string, number>()
  const mustSee = new Set<string>()
  let cursor: string | null = null
  let pages = 0
  do {
    const sortParam = sort ? `&sort=${sort}` : ''
    const cursorParam = cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
    const page = await readList(await call(handler, `/events?limit=${limit}${sortParam}${cursorParam}`, { tenant: 'acme' }))
    for (const event of page.events) seen.set(event.id, (seen.get(event.id) ?? 0) + 1)
    pages += 1
    cursor = page.nextCursor
    // Under the default sort, late events older than the last row shown belong to the pages still to come.
    const late = await insertWhilePaging(sort ? undefined : page.events.at(-1)?.createdAt)
    if (cursor) for (const id of late) mustSee.add(id)
  } while (cursor)
  return { seen, mustSee, pages }
}

describe('keyset paging under inserts', () => {
  it('shows every event exactly once, newest first, while new and late events arrive between pages', async () => {
    const { seen, mustSee, pages } = await walk(undefined, 500)
    expect(pages).toBeGreaterThanOrEqual(COUNT / 500)
    expect([...seen.values()].every((times) => times === 1)).toBe(true)
    expect([...initial].filter((id) => !seen.has(id))).toEqual([])
    expect(mustSee.size).toBeGreaterThan(300)
    expect([...mustSee].filter((id) => !seen.has(id))).toEqual([])
    // Nothing newer than the first page appeared later on.
    expect([...seen.keys()].filter((id) => !initial.has(id) && !mustSee.has(id))).toEqual([])
  })

  it('pages a field sort (severity, ascending) on its own keyset, each event once', async () => {
    const { seen } = await walk('severity:asc', 1000)
    expect([...seen.values()].every((times) => times === 1)).toBe(true)
    expect([...initial].filter((id) => !seen.has(id))).toEqual([])
  })

  it('keeps the first page total on every page of a walk', async () => {
    const first = await readList(await call(handler, '/events?limit=50&search=login', { tenant: 'acme' }))
    const second = await readList(
      await call(handler, `/events?limit=50&search=login&cursor=${encodeURIComponent(first.nextCursor ?? '')}`, { tenant: 'acme' }),
    )
    expect(second.total).toBe(first.total)
    expect(second.events[0]?.id).not.toBe(first.events[0]?.id)
  })

  it('with a countLimit, counts a first page up to it: "at least 10,000" beyond it, carried by the cursor; the exact number on demand', async () => {
    const exact = Number((await store.pool.query<{ n: string }>("select count(*) as n from audit_events where tenant_id = 'acme'")).rows[0]?.n)
    expect(exact).toBeGreaterThan(10_000)
    const bounded = testHandler(store, { countLimit: 10_000 })
    const spy = vi.spyOn(pg.Client.prototype, 'query')
    let counts: Array<{ text: string; values: unknown[] }>
    const first = (await (await call(bounded, '/events?limit=50', { tenant: 'acme' })).json()) as ListBody & { totalAtLeast?: number }
    try {
      counts = spy.mock.calls
        .map(([text, values]: unknown[]) => ({ text: String(text), values: values as unknown[] }))
        .filter(({ text }) => text.startsWith('select count(*)'))
    } finally {
      spy.mockRestore()
    }
    expect(first.total).toBeUndefined()
    expect(first.totalAtLeast).toBe(10_000)
    // The count stopped reading after 10,001 matches.
    const [count] = counts
    expect(counts).toHaveLength(1)
    const plan = await store.pool.query<{ 'QUERY PLAN': Array<{ Plan: { Plans?: Array<{ 'Actual Rows': number }> } }> }>(
      `explain (analyze, format json) ${count?.text ?? ''}`,
      count?.values,
    )
    const inner = plan.rows[0]?.['QUERY PLAN'][0]?.Plan.Plans?.[0]
    expect(inner?.['Actual Rows']).toBe(10_001)

    const second = (await (
      await call(bounded, `/events?limit=50&cursor=${encodeURIComponent(first.nextCursor ?? '')}`, { tenant: 'acme' })
    ).json()) as ListBody & { totalAtLeast?: number }
    expect(second.totalAtLeast).toBe(10_000)
    expect(second.total).toBeUndefined()

    const counted = (await (await call(bounded, '/events?limit=50&count=exact', { tenant: 'acme' })).json()) as ListBody & { totalAtLeast?: number }
    expect(counted.total).toBe(exact)
    expect(counted.totalAtLeast).toBeUndefined()
    // Without a limit (the default) every first page has its exact count.
    expect((await readList(await call(handler, '/events?limit=50', { tenant: 'acme' }))).total).toBe(exact)
    // Under the limit the count is exact, as before.
    const few = await readList(await call(bounded, '/events?limit=50&filter.action=login&search=zzzz-none', { tenant: 'acme' }))
    expect(few.total).toBe(0)
  })
})
