import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { defaultFields } from '../core/fields'
import { queryToSearchParams } from '../adapter/restContract'
import type { SavedView } from '../core/savedViews'
import type { AuditField } from '../core/types'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, testHandler } from '../../test/support/server/database'
import type { AuditLogHandler } from './types'

let store: AuditLogStore
let url: string
let drop: () => Promise<void>
let handler: AuditLogHandler

/** The actor's e-mail is personal data: hidden, and never a filter. */
const fields: AuditField[] = defaultFields.map((field) => (field.key === 'user.email' ? { ...field, sensitive: 'personal' as const } : field))

/** A request of `user` (the `x-user` header is the host's session here) with a role of `testHandler`'s. */
const as = (user: string | null, role = 'viewer', tenant = 'acme') => ({
  tenant,
  role,
  headers: user ? { 'x-user': user } : ({} as Record<string, string>),
})
const body = async (response: Response): Promise<unknown> => (await response.json()) as unknown
const view = { name: 'Failed logins', search: { search: 'login', filters: { result: ['failed'] }, sort: { key: 'createdAt', direction: 'asc' } } }

beforeAll(async () => {
  ;({ store, url, drop } = await freshStore())
  handler = testHandler(store, {
    fields,
    actor: (request) => {
      const id = request.headers.get('x-user')
      return id ? { id, name: id } : null
    },
  })
})
afterAll(() => drop())

describe('saved views on the server', () => {
  it('migration 5 made the table, with at most one default per tenant', async () => {
    const client = new pg.Client(url)
    await client.connect()
    const { rows } = await client.query<{ version: number }>("select version from audit_schema_migrations where name = 'saved views'")
    await client.end()
    expect(rows).toEqual([{ version: 5 }])
  })

  it("keeps a person's views to that person, and shared ones for everyone", async () => {
    const saved = await call(handler, '/views', {
      ...as('ana'),
      method: 'POST',
      body: { ...view, scope: 'personal', columns: ['createdAt', 'action'] },
    })
    expect(saved.status).toBe(201)
    const mine = (await body(saved)) as SavedView
    expect(mine).toEqual({ id: expect.any(String), ...view, columns: ['createdAt', 'action'], scope: 'personal', isDefault: false })
    expect(mine).not.toHaveProperty('owner')
    const shared = await call(handler, '/views', { ...as('olivia', 'owner'), method: 'POST', body: { name: 'Ours', search: {}, scope: 'shared' } })
    expect(shared.status).toBe(201)

    const names = async (user: string | null, tenant = 'acme') =>
      ((await body(await call(handler, '/views', as(user, 'viewer', tenant)))) as SavedView[]).map((listed) => listed.name)
    expect(await names('ana')).toEqual(['Failed logins', 'Ours'])
    expect(await names('bob')).toEqual(['Ours'])
    expect(await names(null)).toEqual(['Ours'])
    expect(await names('ana', 'globex')).toEqual([])
    // Another person's view is as unknown as a made-up id: neither renamed nor deleted.
    expect((await call(handler, '/views', { ...as('bob'), method: 'POST', body: { ...mine, name: 'Mine now' } })).status).toBe(404)
    expect((await call(handler, `/views?id=${mine.id}`, { ...as('bob'), method: 'DELETE' })).status).toBe(404)
    // Its owner renames and deletes it.
    const renamed = await call(handler, '/views', { ...as('ana'), method: 'POST', body: { ...mine, name: 'Renamed' } })
    expect(renamed.status).toBe(200)
    expect(await body(renamed)).toEqual({ ...mine, name: 'Renamed' })
    expect((await call(handler, `/views?id=${mine.id}`, { ...as('ana'), method: 'DELETE' })).status).toBe(204)
    expect(await names('ana')).toEqual(['Ours'])
  })

  it('shares, changes shared views and sets the default only with configure', async () => {
    const refused = await call(handler, '/views', { ...as('ana'), method: 'POST', body: { ...view, scope: 'shared' } })
    expect(refused.status).toBe(403)
    const first = (await body(
      await call(handler, '/views', { ...as('olivia', 'owner'), method: 'POST', body: { ...view, scope: 'shared', isDefault: true } }),
    )) as SavedView
    const second = (await body(
      await call(handler, '/views', {
        ...as('olivia', 'owner'),
        method: 'POST',
        body: { name: 'Second', search: {}, scope: 'shared', isDefault: true },
      }),
    )) as SavedView
    expect(second.isDefault).toBe(true)
    const listed = (await body(await call(handler, '/views', as('ana')))) as SavedView[]
    expect(listed.filter((candidate) => candidate.isDefault).map((candidate) => candidate.id)).toEqual([second.id])
    expect((await call(handler, '/views', { ...as('ana'), method: 'POST', body: { ...first, name: 'Hijacked' } })).status).toBe(403)
    expect((await call(handler, '/views', { ...as('ana'), method: 'POST', body: { ...first, scope: 'personal', isDefault: false } })).status).toBe(
      403,
    )
    expect((await call(handler, `/views?id=${first.id}`, { ...as('ana'), method: 'DELETE' })).status).toBe(403)
    expect((await call(handler, `/views?id=${first.id}`, { ...as('olivia', 'owner'), method: 'DELETE' })).status).toBe(204)
    // A personal view is never the default; without an actor there is no one to keep a personal view.
    expect((await call(handler, '/views', { ...as('ana'), method: 'POST', body: { ...view, scope: 'personal', isDefault: true } })).status).toBe(400)
    expect((await call(handler, '/views', { ...as(null), method: 'POST', body: { ...view, scope: 'personal' } })).status).toBe(403)
  })

  it.each([
    ['a name of 101 characters', { ...view, scope: 'personal', name: 'x'.repeat(101) }, /1 to 100/],
    ['an empty name', { ...view, scope: 'personal', name: ' ' }, /1 to 100/],
    ['a NUL in the name', { ...view, scope: 'personal', name: 'a\0b' }, /NUL/],
    ['a NUL in a filter key', { ...view, scope: 'personal', search: { filters: { 'a\0': ['b'] } } }, /NUL/],
    ['a search that is no object', { ...view, scope: 'personal', search: 'x' }, /search is not an object/],
    ['filters that are no lists', { ...view, scope: 'personal', search: { filters: { a: 'b' } } }, /filters\.a/],
    ['another scope', { ...view, scope: 'public' }, /scope/],
    ['a list', [view], /Expected a JSON view/],
  ])('refuses %s with 400 and says why', async (_name, sent, reason) => {
    const response = await call(handler, '/views', { ...as('ana'), method: 'POST', body: sent })
    expect(response.status).toBe(400)
    expect(((await body(response)) as { message: string }).message).toMatch(reason)
  })

  it('refuses a NUL in the id of a delete, and a body larger than a view', async () => {
    expect((await call(handler, '/views?id=a%00b', { ...as('ana'), method: 'DELETE' })).status).toBe(400)
    const huge = { ...view, scope: 'personal', search: { filters: { a: Array.from({ length: 100 }, () => 'x'.repeat(1000)) } } }
    expect((await call(handler, '/views', { ...as('ana'), method: 'POST', body: huge })).status).toBe(413)
  })

  it('stores a view that filters by a hidden field, but applying it is refused with a clear message (no oracle)', async () => {
    const search = { filters: { 'user.email': ['ana@example.com'] } }
    const saved = (await body(
      await call(handler, '/views', { ...as('ana'), method: 'POST', body: { name: 'Probe', search, scope: 'personal' } }),
    )) as SavedView
    const params = queryToSearchParams({ ...saved.search, limit: 10 })
    const response = await call(handler, `/events?${params.toString()}`, as('ana'))
    expect(response.status).toBe(400)
    expect(((await body(response)) as { message: string }).message).toMatch(/hidden/)
  })
})
