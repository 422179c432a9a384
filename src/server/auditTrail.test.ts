import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAuditLogHandler } from './handler'
import type { AuditLogStore } from './storeTypes'
import { BASE, call, readList, SECRET } from '../../test/support/server/database'
import { freshSessionStore } from '../../test/support/server/sessionStore'
import type { AuditLogHandler } from './types'

let store: AuditLogStore
let url: string
let drop: () => Promise<void>
let handler: AuditLogHandler
let post: (body: unknown, key: string) => Promise<Response>

beforeAll(async () => {
  ;({ store, url, drop, handler, post } = await freshSessionStore())
})
afterAll(() => drop())

describe('writing is a privilege of its own', () => {
  it('without authorize, a signed-in session may view and export but neither write events nor change the data structure', async () => {
    expect(
      (await call(handler, '/events', { tenant: 'acme', method: 'POST', body: { action: 'Backdated', createdAt: '2020-01-01T00:00:00Z' } })).status,
    ).toBe(403)
    expect((await call(handler, '/field-config', { tenant: 'acme', method: 'PUT', body: [{ key: 'action', label: 'x' }] })).status).toBe(403)
    expect((await call(handler, '/events', { tenant: 'acme' })).status).toBe(200)
    const exported = await call(handler, '/export', { tenant: 'acme', method: 'POST', body: { columns: [{ key: 'id', label: 'Id' }] } })
    expect(exported.status).toBe(200)
    await exported.text()
    expect((await readList(await call(handler, '/events?search=backdated', { tenant: 'acme' }))).total).toBe(0)
  })

  it('an ingest key writes for its own tenant only, names that tenant whatever the session says, and stops at once when revoked', async () => {
    const acmeKey = await store.createIngestKey('acme', 'billing worker')
    expect(acmeKey.key).toMatch(/^ral_ik_/)
    const created = await post({ id: 'by-key-1', action: 'Invoice paid' }, acmeKey.key)
    expect(created.status).toBe(201)
    expect(await store.getEvent('acme', 'by-key-1')).toMatchObject({ action: 'Invoice paid', tenantId: 'acme' })
    // Another tenant's events through acme's key are refused whole (a batch is all or nothing).
    const other = await post(
      [
        { id: 'by-key-2', action: 'ok' },
        { id: 'by-key-3', action: 'Sneaky', tenantId: 'globex' },
      ],
      acmeKey.key,
    )
    expect(other.status).toBe(400)
    expect(await store.getEvent('acme', 'by-key-2')).toBeNull()
    expect(await store.getEvent('globex', 'by-key-3')).toBeNull()
    // Only its SHA-256 is stored, and listing never shows the secret.
    const client = new pg.Client(url)
    await client.connect()
    const stored = await client.query<{ row: string }>('select row_to_json(k)::text as row from audit_ingest_keys k')
    await client.end()
    expect(stored.rows.map((row) => row.row).join()).not.toContain(acmeKey.key.slice(-43))
    expect(JSON.stringify(await store.listIngestKeys('acme'))).not.toContain(acmeKey.key.slice(-43))
    // A wrong secret for a real id, and a key that is no key, are 401s.
    expect((await post({ action: 'x' }, `${acmeKey.key.slice(0, -2)}xx`)).status).toBe(401)
    expect((await post({ action: 'x' }, 'ral_ik_nonsense')).status).toBe(401)
    expect(await store.revokeIngestKey('globex', acmeKey.id)).toBe(false)
    expect(await store.revokeIngestKey('acme', acmeKey.id)).toBe(true)
    expect((await post({ id: 'by-key-4', action: 'After revoke' }, acmeKey.key)).status).toBe(401)
    expect(await store.getEvent('acme', 'by-key-4')).toBeNull()
    expect(await store.listIngestKeys('acme')).toEqual([
      expect.objectContaining({ id: acmeKey.id, label: 'billing worker', revokedAt: expect.any(String) }),
    ])
    // A key writes; it never reads.
    const read = await handler(new Request(`${BASE}/events`, { headers: { authorization: `Bearer ${acmeKey.key}` } }))
    expect(read.status).toBe(401)
  })
})

describe('append-only storage', () => {
  it("refuses update, delete and truncate of events for the application's role", async () => {
    const admin = new pg.Client(url)
    await admin.connect()
    const role = `app_${Date.now()}`
    await admin.query(`create role ${role} login password 'app'`)
    await admin.query(`grant select, insert, update, delete, truncate on audit_events to ${role}`)
    await admin.end()
    const app = new pg.Client(url.replace(/\/\/[^@]+@/, `//${role}:app@`))
    await app.connect()
    const id = 'append-only-1'
    await store.sendAudit({ tenantId: 'acme', id, action: 'Stored to stay' })
    expect((await app.query('select 1 from audit_events where id = $1', [id])).rowCount).toBe(1)
    await expect(app.query(`update audit_events set data = data || '{"action":"Nothing"}' where id = $1`, [id])).rejects.toThrow(/append-only/)
    await expect(app.query('delete from audit_events where id = $1', [id])).rejects.toThrow(/append-only/)
    await expect(app.query('truncate audit_events')).rejects.toThrow(/append-only/)
    await app.end()
  })
})

describe('reading the log leaves a trace', () => {
  it('an export and a change of the data structure are each recorded in the same log, with the actor', async () => {
    const owner = createAuditLogHandler({
      store,
      cursorSecret: SECRET,
      resolveTenant: () => 'trace',
      authorize: () => true,
      actor: () => ({ id: 'u-1', name: 'Olivia Owner', email: 'olivia@example.com' }),
    })
    await call(owner, '/field-config', { tenant: 'trace', method: 'PUT', body: [{ key: 'action', label: 'What', shown: true }] })
    await call(owner, '/field-config', { tenant: 'trace', method: 'PUT', body: [{ key: 'action', label: 'What', shown: false }] })
    const exported = await call(owner, '/export', {
      tenant: 'trace',
      method: 'POST',
      body: { query: { search: 'login' }, columns: [{ key: 'id', label: 'Id' }] },
    })
    await exported.text()
    const { events } = await readList(await call(owner, '/events', { tenant: 'trace' }))
    expect(events.map((event) => event.action)).toEqual([
      'Audit log exported',
      'Audit log data structure changed',
      'Audit log data structure changed',
    ])
    expect(events[0]).toMatchObject({ user: { name: 'Olivia Owner' }, payload: { search: { search: 'login' }, columns: ['id'] } })
    expect(events[1]).toMatchObject({ payload: { changes: [{ field: 'action', from: { shown: true }, to: { shown: false } }] } })
  })
})
