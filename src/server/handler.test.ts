import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCursorCodec, searchFingerprint } from './cursor'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, readList, SECRET, seed, testHandler } from '../../test/support/server/database'
import type { AuditLogHandler } from './types'

let store: AuditLogStore
let drop: () => Promise<void>
let handler: AuditLogHandler

beforeAll(async () => {
  ;({ store, drop } = await freshStore())
  await seed(store, { count: 600, tenants: ['acme', 'globex'] })
  handler = testHandler(store)
})
afterAll(() => drop())

const exportBody = (query: object = {}) => ({
  query,
  columns: [
    { key: 'id', label: 'Id' },
    { key: 'tenantId', label: 'Tenant' },
  ],
  timeZone: 'UTC',
  fileName: 'audit.csv',
})

describe('tenancy', () => {
  it('lists only the tenant of the session, whatever tenant header or filter the client sends', async () => {
    const page = await readList(
      await call(handler, '/events?limit=1000&filter.tenantId=globex', { tenant: 'acme', headers: { 'x-tenant-id': 'globex' } }),
    )
    expect(page.events).toHaveLength(0)
    const own = await readList(await call(handler, '/events?limit=1000', { tenant: 'acme', headers: { 'x-tenant-id': 'globex' } }))
    expect(own.events.length).toBeGreaterThan(100)
    expect(new Set(own.events.map((event) => event.tenantId))).toEqual(new Set(['acme']))
    expect(own.total).toBe(own.events.length)
  })

  it('answers 401 without a session, even with a tenant header', async () => {
    const response = await call(handler, '/events', { headers: { 'x-tenant-id': 'acme' } })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ message: expect.any(String) })
  })

  it("never reads another tenant's event by id", async () => {
    const globex = await readList(await call(handler, '/events?limit=1', { tenant: 'globex' }))
    const id = globex.events[0]?.id ?? ''
    expect((await call(handler, `/events/${encodeURIComponent(id)}`, { tenant: 'globex' })).status).toBe(200)
    const response = await call(handler, `/events/${encodeURIComponent(id)}`, { tenant: 'acme', headers: { 'x-tenant-id': 'globex' } })
    expect(response.status).toBe(404)
  })

  it("refuses another tenant's cursor, a forged one and one of another search with 400", async () => {
    const globex = await readList(await call(handler, '/events?limit=10', { tenant: 'globex' }))
    expect(globex.nextCursor).toEqual(expect.any(String))
    const cursor = globex.nextCursor ?? ''
    const asAcme = await call(handler, `/events?limit=10&cursor=${encodeURIComponent(cursor)}`, { tenant: 'acme' })
    expect(asAcme.status).toBe(400)
    expect(((await asAcme.json()) as { message: string }).message).toMatch(/cursor/)
    // The same state re-signed with a guessed key, or with its tenant swapped and the old signature.
    const guessed = createCursorCodec('not-the-server-secret!!').encode({
      tenantId: 'acme',
      search: searchFingerprint({}),
      key: ['9999999999999999', 'z'],
    })
    expect((await call(handler, `/events?cursor=${encodeURIComponent(guessed)}`, { tenant: 'acme' })).status).toBe(400)
    const [body = '', mac = ''] = cursor.split('.')
    const swapped = Buffer.from(Buffer.from(body, 'base64url').toString().replace('"globex"', '"acme"')).toString('base64url')
    expect((await call(handler, `/events?cursor=${swapped}.${mac}`, { tenant: 'acme' })).status).toBe(400)
    expect((await call(handler, `/events?limit=10&search=login&cursor=${encodeURIComponent(cursor)}`, { tenant: 'globex' })).status).toBe(400)
    expect((await call(handler, '/events?cursor=garbage', { tenant: 'globex' })).status).toBe(400)
    // A signed cursor of the right tenant and search whose key does not fit the sort is refused too.
    const wrongShape = createCursorCodec(SECRET).encode({
      tenantId: 'globex',
      search: searchFingerprint({}),
      key: ["1'; drop table audit_events; --", 'x'],
    })
    expect((await call(handler, `/events?cursor=${encodeURIComponent(wrongShape)}`, { tenant: 'globex' })).status).toBe(400)
  })

  it("exports only the session's tenant", async () => {
    const response = await call(handler, '/export', {
      tenant: 'acme',
      role: 'auditor',
      method: 'POST',
      body: exportBody({ filters: { tenantId: ['globex'] } }),
      headers: { 'x-tenant-id': 'globex' },
    })
    expect(response.status).toBe(200)
    const lines = (await response.text()).split('\r\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    const all = (await (await call(handler, '/export', { tenant: 'acme', role: 'auditor', method: 'POST', body: exportBody() })).text())
      .split('\r\n')
      .filter(Boolean)
    expect(all.length).toBeGreaterThan(100)
    expect(all.slice(1).every((line) => line.endsWith(',acme'))).toBe(true)
  })

  it("keeps each tenant's data structure to itself", async () => {
    const fields = [{ key: 'action', label: 'What', shown: true }]
    expect((await call(handler, '/field-config', { tenant: 'globex' })).status).toBe(404)
    const put = await call(handler, '/field-config', { tenant: 'acme', method: 'PUT', body: fields, headers: { 'x-tenant-id': 'globex' } })
    expect(put.status).toBe(204)
    expect(await (await call(handler, '/field-config', { tenant: 'acme' })).json()).toEqual(fields)
    expect((await call(handler, '/field-config', { tenant: 'globex' })).status).toBe(404)
  })

  it('asks authorize for each action and answers 403 when it says no', async () => {
    expect((await call(handler, '/events', { tenant: 'acme', role: 'viewer' })).status).toBe(200)
    expect((await call(handler, '/export', { tenant: 'acme', role: 'viewer', method: 'POST', body: exportBody() })).status).toBe(403)
    expect((await call(handler, '/field-config', { tenant: 'acme', role: 'auditor', method: 'PUT', body: [] })).status).toBe(403)
    expect((await call(handler, '/events', { tenant: 'acme', role: 'auditor', method: 'POST', body: { action: 'x' } })).status).toBe(403)
    expect((await call(handler, '/events', { tenant: 'acme', role: 'nobody' })).status).toBe(403)
  })
})

describe('the data structure', () => {
  it('reads back what was stored, and refuses what is not a list of fields', async () => {
    const fields = [
      { key: 'createdAt', label: 'When', type: 'datetime' },
      { key: 'payload.title', label: 'Title', custom: true, exported: false },
    ]
    expect((await call(handler, '/field-config', { tenant: 'globex', method: 'PUT', body: fields })).status).toBe(204)
    expect(await (await call(handler, '/field-config', { tenant: 'globex' })).json()).toEqual(fields)
    for (const body of [{ key: 'a' }, [1], [{ label: 'no key' }], 'not json']) {
      const response = await call(handler, '/field-config', { tenant: 'globex', method: 'PUT', body })
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ message: expect.any(String) })
    }
    expect(await (await call(handler, '/field-config', { tenant: 'globex' })).json()).toEqual(fields)
  })
})

describe('ingest', () => {
  const event = {
    id: 'ingest-1',
    action: 'Login',
    severity: 'Info',
    user: { name: 'Ana', email: 'ana@example.com' },
    ip: '10.0.0.1',
    custom: { a: 1 },
  }

  it('stores one event or a batch and is idempotent on the client id', async () => {
    const first = await call(handler, '/events', { tenant: 'acme', method: 'POST', body: event })
    expect(first.status).toBe(201)
    expect(await first.json()).toEqual({ ids: ['ingest-1'], inserted: 1, duplicates: 0 })
    const again = await call(handler, '/events', {
      tenant: 'acme',
      method: 'POST',
      body: [
        { ...event, action: 'Changed' },
        { ...event, id: 'ingest-2' },
      ],
    })
    expect(await again.json()).toEqual({ ids: ['ingest-1', 'ingest-2'], inserted: 1, duplicates: 1 })
    const stored = (await (await call(handler, '/events/ingest-1', { tenant: 'acme' })).json()) as Record<string, unknown>
    expect(stored).toMatchObject({ ...event, tenantId: 'acme', createdAt: expect.any(String) })
    // The same id in another tenant is another event.
    expect(await (await call(handler, '/events', { tenant: 'globex', method: 'POST', body: event })).json()).toMatchObject({ inserted: 1 })
    expect((await call(handler, '/events/ingest-1', { tenant: 'globex' })).status).toBe(200)
  })

  it.each([
    ['not an object', [42], /"events\[0\]" must be a JSON object/],
    ['no action', { id: 'x' }, /"event.action" is required/],
    ['a numeric id', { id: 5, action: 'a' }, /"event.id" must be text/],
    ['an empty batch', [], /1 to 1000 events/],
    ['an unreadable time', { action: 'a', createdAt: '2026-02-30T10:00:00Z' }, /createdAt/],
    ['a time without zone', { action: 'a', createdAt: '2026-02-03T10:00:00' }, /createdAt/],
    ['another tenant', { action: 'a', tenantId: 'globex' }, /tenantId/],
    ['a non-text severity', { action: 'a', severity: 3 }, /severity/],
    ['a NUL in the id', { id: 'a\u0000', action: 'a' }, /"event.id"/],
  ])('refuses %s with 400 and a message', async (_name, body, text) => {
    const response = await call(handler, '/events', { tenant: 'acme', method: 'POST', body })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toMatch(text)
  })

  it('stores text that only looks like an escape, and emoji', async () => {
    const body = { id: 'escape-look', action: 'Login', payload: { note: 'a literal \\u0000 and \\ud800', emoji: '😀' } }
    expect((await call(handler, '/events', { tenant: 'acme', method: 'POST', body })).status).toBe(201)
    expect(await (await call(handler, '/events/escape-look', { tenant: 'acme' })).json()).toMatchObject(body)
  })

  it('refuses a body that is not JSON, not sent as JSON, or too large', async () => {
    expect((await call(handler, '/events', { tenant: 'acme', method: 'POST', body: '{"action":' })).status).toBe(400)
    const plain = await handler(
      new Request(`http://audit.test/api/audit-logs/events`, { method: 'POST', headers: { authorization: 'Bearer acme' }, body: '{}' }),
    )
    expect(plain.status).toBe(415)
    const small = testHandler(store, { maxBodyBytes: 100 })
    expect((await call(small, '/events', { tenant: 'acme', method: 'POST', body: { action: 'x'.repeat(200) } })).status).toBe(413)
  })

  it('sendAudit stores a typed event for its tenant, once', async () => {
    const sent = await store.sendAudit({
      id: 'host-1',
      tenantId: 'globex',
      action: 'API key created',
      severity: 'High',
      resource: 'Settings',
      ip: '2001:db8::1',
    })
    expect(sent).toEqual({ id: 'host-1', inserted: true })
    expect(await store.sendAudit({ id: 'host-1', tenantId: 'globex', action: 'again' })).toEqual({ id: 'host-1', inserted: false })
    expect(await store.getEvent('globex', 'host-1')).toMatchObject({ action: 'API key created', tenantId: 'globex' })
    expect(await store.getEvent('acme', 'host-1')).toBeNull()
  })
})

describe('requests that cannot run', () => {
  it.each([
    ['/events?limit=0', /limit/],
    ['/events?limit=1001', /limit/],
    ['/events?limit=abc', /limit/],
    ['/events?from=yesterday', /from/],
    ['/events?to=2026-01-01', /to/],
    ['/events?sort=createdAt:sideways', /sort/],
    ['/events?sort=__proto__:asc', /sort key/],
    ['/events?filter.constructor=x', /filter/],
  ])('%s is a 400 with a message', async (path, text) => {
    const response = await call(handler, path, { tenant: 'acme' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toMatch(text)
  })

  it('answers 404 for unknown routes and 405 for other methods', async () => {
    expect((await call(handler, '/nothing', { tenant: 'acme' })).status).toBe(404)
    const response = await call(handler, '/field-config', { tenant: 'acme', method: 'DELETE' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, PUT')
  })
})
