import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readMarks } from '../core/marks'
import { createAuditLogHandler } from './handler'
import type { AuditLogStore } from './storeTypes'
import { BASE, call, freshStore, readList, SECRET } from '../../test/support/server/database'
import type { AuditLogHandler } from './types'

let store: AuditLogStore
let url: string
let drop: () => Promise<void>
/** The handler as the plain `node:http` example of docs/server.md mounts it: a session resolves the tenant, no `authorize`. */
let handler: AuditLogHandler

beforeAll(async () => {
  ;({ store, url, drop } = await freshStore())
  handler = createAuditLogHandler({
    store,
    cursorSecret: SECRET,
    resolveTenant: (request) => /^Bearer (\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? null,
    actor: (request) => ({ id: 'session-user', name: `Signed in via ${request.headers.get('authorization') ?? ''}` }),
    onError: () => undefined,
  })
})
afterAll(() => drop())

const post = (body: unknown, key: string) =>
  handler(
    new Request(`${BASE}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  )

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

describe('nothing an actor types keeps the event out', () => {
  it('stores NUL, lone surrogates and a 1 MB value in a marked form, and the server clock beside the producer’s', async () => {
    const key = (await store.createIngestKey('acme')).key
    const huge = `${'x'.repeat(1024 * 1024)}end`
    const ahead = new Date(Date.now() + 3_600_000).toISOString()
    const event = {
      id: 'hostile-1',
      action: 'File uploaded',
      createdAt: ahead,
      receivedAt: '1999-01-01T00:00:00Z',
      userAgent: 'Mozilla\u0000/5.0',
      payload: { fileName: 'report\ud800.pdf', ['na\u0000me']: 'value', body: huge },
    }
    const before = Date.now()
    const response = await post(event, key)
    expect(response.status).toBe(201)
    const stored = (await (await call(handler, '/events/hostile-1', { tenant: 'acme' })).json()) as Record<string, unknown> & {
      payload: Record<string, unknown>
    }
    expect(stored.userAgent).toBe('Mozilla\ufffd/5.0')
    expect(stored.payload.fileName).toBe('report\ufffd.pdf')
    expect(stored.payload['na\ufffdme']).toBe('value')
    expect(String(stored.payload.body)).toHaveLength(32 * 1024)
    expect(Date.parse(String(stored.receivedAt))).toBeGreaterThanOrEqual(before - 1000)
    expect(stored.createdAt).toBe(ahead)
    const marks = readMarks(stored)
    const at = (path: string) => marks.find((mark) => mark.path === path)
    // The originals come back exactly from the marks.
    expect(JSON.parse(at('userAgent')?.original ?? '""')).toBe(event.userAgent)
    expect(JSON.parse(at('payload.fileName')?.original ?? '""')).toBe(event.payload.fileName)
    expect(JSON.parse(marks.find((mark) => mark.kind === 'renamed')?.original ?? '""')).toBe('na\u0000me')
    const { createHash } = await import('node:crypto')
    expect(at('payload.body')).toEqual({
      path: 'payload.body',
      kind: 'truncated',
      length: huge.length,
      sha256: createHash('sha256').update(JSON.stringify(huge)).digest('hex'),
    })
    expect(at('receivedAt')).toEqual({ path: 'receivedAt', kind: 'reserved', original: '"1999-01-01T00:00:00Z"' })
    expect(at('createdAt')).toMatchObject({ kind: 'clock-ahead', byMs: expect.any(Number) })
    expect(at('createdAt')?.byMs).toBeGreaterThan(3_500_000)
    // A search finds it by what the actor typed.
    expect((await readList(await call(handler, '/events?search=mozilla', { tenant: 'acme' }))).events.map((e) => e.id)).toContain('hostile-1')
  })

  it('an event whose many long values exceed 256 KiB together is stored, shortened and marked', async () => {
    const key = (await store.createIngestKey('acme')).key
    const payload = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`field${index}`, `${index}`.repeat(20_000)]))
    expect((await post({ id: 'wide-1', action: 'Form submitted', payload }, key)).status).toBe(201)
    const stored = (await store.getEvent('acme', 'wide-1')) ?? {}
    expect(Buffer.byteLength(JSON.stringify(stored))).toBeLessThanOrEqual(256 * 1024)
    expect(readMarks(stored).filter((mark) => mark.kind === 'truncated').length).toBeGreaterThan(0)
  })

  it('a structural mistake of the producer stays a 400 and a batch stays all or nothing', async () => {
    const key = (await store.createIngestKey('acme')).key
    const response = await post([{ id: 'batch-ok', action: 'fine\u0000' }, { id: 'batch-bad' }], key)
    expect(response.status).toBe(400)
    expect(await store.getEvent('acme', 'batch-ok')).toBeNull()
  })

  const PARAMETERS = [
    '/events?search=a%00b',
    '/events?filter.action=a%00b',
    '/events?filter.ac%00tion=x',
    '/events?exclude.action=%00',
    '/events?sort=action%00:asc',
    '/events?from=2026-01-01T00:00:00Z%00',
    '/events?to=%00',
    '/events?cursor=%00',
    '/events?limit=5%00',
    '/events/%00',
    '/events/abc%00',
    '/field-values?key=action%00',
    '/field-values?key=action&search=%00',
  ]
  it.each(PARAMETERS)('%s is a 400 with a message, never a 500', async (path) => {
    const response = await call(handler, path, { tenant: 'acme' })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { message: string }).message).toMatch(/NUL/)
  })

  it('an export with a NUL anywhere in its request is a 400 before any byte of CSV', async () => {
    for (const query of [{ search: 'a\u0000' }, { filters: { action: ['\u0000'] } }, { exclude: { ['a\u0000']: ['x'] } }]) {
      const response = await call(handler, '/export', { tenant: 'acme', method: 'POST', body: { query, columns: [{ key: 'id', label: 'Id' }] } })
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toMatch(/json/)
    }
  })
})

describe('ignoring case means one thing for every script', () => {
  // Characters newer than the database's Unicode tables (Unicode 16+) may fold in one runtime and not the
  // other; everything else must agree.
  const newer = /[\u{1C89}\u{1C8A}\u{A7CB}-\u{A7DC}\u{16EA0}-\u{16EDF}]/u
  const known = (text: string) => !newer.test(text)

  it.each(['İstanbul', 'ΟΔΟΣ', 'ǅ'])('a filter on %s finds exactly the events that hold it in any case', async (value) => {
    const tenant = `fold${value.length}${value.charCodeAt(0)}`
    const variants = [
      value,
      value.toLowerCase(),
      value.toUpperCase(),
      `${value}x`,
      value.normalize('NFD') === value ? 'other' : value.normalize('NFD'),
    ]
    await store.ingest(
      tenant,
      variants.map((city, index) => ({ id: `e${index}`, action: 'Moved', city })),
    )
    const page = await readList(await call(handler, `/events?filter.city=${encodeURIComponent(value)}`, { tenant }))
    const expected = variants.flatMap((city, index) => (city.toLowerCase() === value.toLowerCase() ? [`e${index}`] : []))
    expect(page.events.map((event) => event.id).sort()).toEqual(expected.sort())
    expect(expected.length).toBeGreaterThanOrEqual(3)
  })

  it('a filter matches exactly where JavaScript’s toLowerCase says two values are equal (property)', async () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }).filter((value) => value.trim() !== '' && known(value))
    const variant = fc.tuple(text, fc.constantFrom('same', 'lower', 'upper', 'other')).map(([value, how]) => ({ value, how }))
    let run = 0
    await fc.assert(
      fc.asyncProperty(text, fc.array(variant, { minLength: 1, maxLength: 6 }), async (wanted, stored) => {
        run += 1
        const tenant = `prop${run}`
        const values = stored.map(({ value, how }) =>
          how === 'same' ? wanted : how === 'lower' ? wanted.toLowerCase() : how === 'upper' ? wanted.toUpperCase() : value,
        )
        await store.ingest(
          tenant,
          values.map((city, index) => ({ id: `e${index}`, action: 'Moved', city })),
        )
        const page = await readList(await call(handler, `/events?limit=100&filter.city=${encodeURIComponent(wanted)}`, { tenant }))
        const expected = values.flatMap((city, index) => (city.toLowerCase() === wanted.toLowerCase() ? [`e${index}`] : []))
        expect(page.events.map((event) => event.id).sort()).toEqual(expected.sort())
      }),
      { numRuns: 60 },
    )
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
    const [{ id } = { id: '' }] = (await app.query<{ id: string }>("select id from audit_events where tenant_id = 'acme' limit 1")).rows
    expect(id).not.toBe('')
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
