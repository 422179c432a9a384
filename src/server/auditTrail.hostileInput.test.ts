import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readMarks } from '../core/marks'
import type { AuditLogStore } from './storeTypes'
import { call, readList } from '../../test/support/server/database'
import { freshSessionStore } from '../../test/support/server/sessionStore'
import type { AuditLogHandler } from './types'

let store: AuditLogStore
let drop: () => Promise<void>
let handler: AuditLogHandler
let post: (body: unknown, key: string) => Promise<Response>

beforeAll(async () => {
  ;({ store, drop, handler, post } = await freshSessionStore())
})
afterAll(() => drop())

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
