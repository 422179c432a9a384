import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { AuditEvent } from '../core/types'
import { checkEvent } from './ingest/checkEvent'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, readList, testHandler } from '../../test/support/server/database'
import type { AuditLogHandler } from './types'

let store: AuditLogStore
let drop: () => Promise<void>
let handler: AuditLogHandler

const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T10:00:00.000Z`
const acme: AuditEvent[] = [
  { id: 'a1', createdAt: at(1), result: 'Success', action: 'login', tags: ['x', 'X', 'y'] },
  { id: 'a2', createdAt: at(2), result: 'success', action: 'Login', tags: 'y' },
  { id: 'a3', createdAt: at(3), result: 'success', action: 'delete' },
  { id: 'a4', createdAt: at(4), result: 'failed', action: 'export', tags: [] },
  { id: 'a5', createdAt: at(5), action: 'login' },
  { id: 'a6', createdAt: at(6), action: 'login', tags: { nested: 'x' } },
]
const globex: AuditEvent[] = [{ id: 'g1', createdAt: at(1), result: 'failed', action: 'login' }]

beforeAll(async () => {
  ;({ store, drop } = await freshStore())
  await store.insertEvents(
    'acme',
    acme.map((event, index) => checkEvent(event, 'acme', `events[${index}]`)),
  )
  await store.insertEvents(
    'globex',
    globex.map((event, index) => checkEvent(event, 'globex', `events[${index}]`)),
  )
  handler = testHandler(store)
})
afterAll(() => drop())

const values = async (query: string, tenant = 'acme'): Promise<unknown> => {
  const response = await call(handler, `/field-values?${query}`, { tenant })
  if (response.status !== 200) throw new Error(`field-values answered ${response.status}: ${await response.text()}`)
  return response.json()
}
const memory = createMemoryAdapter(acme)
const signal = new AbortController().signal

describe('GET /field-values', () => {
  it("counts one tenant's values ignoring case, most frequent first, as the memory adapter does", async () => {
    const expected = {
      values: [
        { value: 'success', count: 3 },
        { value: 'failed', count: 1 },
      ],
      complete: true,
    }
    await expect(values('key=result&limit=10')).resolves.toEqual(expected)
    await expect(memory.listFieldValues({ key: 'result', search: {}, limit: 10 }, { signal })).resolves.toEqual(expected)
    await expect(values('key=result&limit=10', 'globex')).resolves.toEqual({ values: [{ value: 'failed', count: 1 }], complete: true })
  })

  it('counts an array item once per event and says when values were left out', async () => {
    await expect(values('key=tags&limit=1')).resolves.toEqual({ values: [{ value: 'y', count: 2 }], complete: false })
  })

  it('counts for the search: range, filters and exclusions', async () => {
    const query = `key=result&limit=10&from=${encodeURIComponent(at(2))}&filter.action=LOGIN`
    await expect(values(query)).resolves.toEqual({ values: [{ value: 'success', count: 1 }], complete: true })
    await expect(values('key=action&limit=10&exclude.result=SUCCESS')).resolves.toEqual({
      values: [
        { value: 'login', count: 2 },
        { value: 'export', count: 1 },
      ],
      complete: true,
    })
  })

  it('answers 400 for no key, a key that is no path and a limit too large; client text never reaches the SQL', async () => {
    expect((await call(handler, '/field-values?limit=5', { tenant: 'acme' })).status).toBe(400)
    expect((await call(handler, `/field-values?key=${encodeURIComponent("a'); drop table audit_events; --")}`, { tenant: 'acme' })).status).toBe(400)
    expect((await call(handler, '/field-values?key=result&limit=100000', { tenant: 'acme' })).status).toBe(400)
    await expect(values(`key=result&filter.action=${encodeURIComponent("' or 1=1 --")}`)).resolves.toEqual({ values: [], complete: true })
  })
})

describe('exclude ("is not")', () => {
  it('leaves out events holding a rejected value, ignoring case, and keeps events without it', async () => {
    const page = await readList(await call(handler, '/events?limit=50&exclude.result=SUCCESS', { tenant: 'acme' }))
    expect(page.events.map((event) => event.id)).toEqual(['a6', 'a5', 'a4'])
    expect(page.total).toBe(3)
    const inMemory = await memory.listEvents({ limit: 50, exclude: { result: ['SUCCESS'] } }, { signal })
    expect(inMemory.events.map((event) => event.id)).toEqual(['a6', 'a5', 'a4'])
  })

  it('leaves out an event when any item of its array is rejected', async () => {
    const page = await readList(await call(handler, '/events?limit=50&exclude.tags=x&filter.action=login', { tenant: 'acme' }))
    expect(page.events.map((event) => event.id)).toEqual(['a6', 'a5', 'a2'])
  })

  it('pages an excluded search, and refuses its cursor for the same search without the exclusion', async () => {
    const first = await readList(await call(handler, '/events?limit=2&exclude.result=success', { tenant: 'acme' }))
    const cursor = encodeURIComponent(first.nextCursor ?? '')
    const next = await readList(await call(handler, `/events?limit=2&exclude.result=success&cursor=${cursor}`, { tenant: 'acme' }))
    expect([...first.events, ...next.events].map((event) => event.id)).toEqual(['a6', 'a5', 'a4'])
    expect((await call(handler, `/events?limit=2&cursor=${cursor}`, { tenant: 'acme' })).status).toBe(400)
  })

  it('applies to the server export', async () => {
    const response = await call(handler, '/export', {
      tenant: 'acme',
      method: 'POST',
      body: { query: { exclude: { result: ['success'] } }, columns: [{ key: 'id', label: 'Id' }], timeZone: 'UTC', fileName: 'audit.csv' },
    })
    expect(response.status).toBe(200)
    const rows = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(rows).toEqual(['Id', 'a6', 'a5', 'a4'])
  })
})
