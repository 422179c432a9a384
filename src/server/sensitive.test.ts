import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { defaultFields } from '../core/fields'
import type { AuditField } from '../core/types'
import { createAuditLogHandler } from './handler'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, readList, SECRET } from '../../test/support/server/database'
import type { AuditLogHandler, AuditLogHandlerOptions } from './types'

let store: AuditLogStore
let drop: () => Promise<void>

/** The host's fields: the actor's e-mail is personal data, and the export writes it raw (which must not matter). */
const fields: AuditField[] = defaultFields.map((field) =>
  field.key === 'user.email' ? { ...field, sensitive: 'personal' as const, csvRaw: true } : field,
)

const handlerFor = (overrides: Partial<AuditLogHandlerOptions> = {}): AuditLogHandler =>
  createAuditLogHandler({
    store,
    cursorSecret: SECRET,
    fields,
    resolveTenant: () => 'acme',
    authorize: (request, { action }) => action !== 'reveal' || request.headers.get('x-role') === 'revealer',
    actor: (request) => ({ id: request.headers.get('x-role') ?? 'viewer', name: `The ${request.headers.get('x-role') ?? 'viewer'}` }),
    onError: (error) => {
      throw error
    },
    ...overrides,
  })

const EMAIL = 'priya.sharma@northwind.example'
const EDGES = ['2000-01-01T00:00:00Z', '2100-01-01T00:00:00Z'].map((edge) => `edge=${encodeURIComponent(edge)}`).join('&')
const SECRETS = ['hunter2-secret', 'sk_live_51Habc', 'session-cookie-value', 'Bearer eyJhbGciOi']

beforeAll(async () => {
  ;({ store, drop } = await freshStore())
  await store.ingest('acme', [
    {
      id: 'e1',
      action: 'Password changed',
      ip: '203.0.113.7',
      user: { id: 'u1', name: 'Priya Sharma', email: EMAIL },
      payload: {
        password: SECRETS[0],
        nested: [{ apiKey: SECRETS[1] }],
        headers: { Cookie: SECRETS[2], Authorization: SECRETS[3] },
        note: 'visible words',
      },
    },
    { id: 'e2', action: 'Login', ip: '198.51.100.1', user: { id: 'u2', name: 'Ana', email: 'ana@example.com' } },
  ])
})
afterAll(() => drop())

const body = async (response: Response): Promise<string> => {
  expect(response.status).toBe(200)
  return response.text()
}

describe('hidden at the source', () => {
  it('no list, event, field-values answer or export holds a hidden value', async () => {
    const handler = handlerFor()
    const texts = [
      await body(await call(handler, '/events')),
      await body(await call(handler, '/events/e1')),
      await body(await call(handler, '/field-values?key=user.email')),
      await body(await call(handler, '/field-values?key=payload.password')),
      await body(
        await call(handler, '/export', {
          method: 'POST',
          body: { columns: fields.map(({ key, label }) => ({ key, label })).concat([{ key: 'payload', label: 'Payload' }]) },
        }),
      ),
    ]
    for (const text of texts) {
      expect(text).not.toContain(EMAIL)
      for (const secret of SECRETS) expect(text).not.toContain(secret)
    }
    const event = (await (await call(handler, '/events/e1')).json()) as {
      user: { email: unknown }
      payload: { password: unknown; nested: Array<{ apiKey: unknown }> }
    }
    expect(event.user.email).toEqual({ $hidden: 'personal' })
    expect(event.payload.password).toEqual({ $hidden: 'secret' })
    expect(event.payload.nested[0]?.apiKey).toEqual({ $hidden: 'secret' })
    expect(texts[4]).toContain('[hidden: personal]')
    expect(JSON.parse(texts[2] ?? '')).toEqual({ values: [], complete: true })
  })

  it('an export of columns at, inside and above hidden values writes placeholders, never the values', async () => {
    const exported = async (keys: string[]) => {
      const text = await body(
        await call(handlerFor(), '/export', { method: 'POST', body: { columns: keys.map((key) => ({ key, label: key })), timeZone: 'UTC' } }),
      )
      expect(text).not.toContain(EMAIL)
      for (const secret of SECRETS) expect(text).not.toContain(secret)
      return text.split('\r\n').find((line) => line.includes('visible words'))
    }
    const headers = '"{""Cookie"":{""$hidden"":""secret""},""Authorization"":{""$hidden"":""secret""}}"'
    // Paths of names only: each value is read by the database and hidden by its column.
    const plain = ['user.email', 'payload.password', 'payload.headers', 'payload.headers.Cookie', 'payload.note']
    expect(await exported(plain)).toBe(`[hidden: personal],[hidden: secret],${headers},[hidden: secret],visible words`)
    // A path through an array item: the event is rebuilt and hidden whole.
    expect(await exported([...plain, 'payload.nested.0.apiKey'])).toBe(
      `[hidden: personal],[hidden: secret],${headers},[hidden: secret],visible words,[hidden: secret]`,
    )
  })

  it('a text search for part of a hidden value finds what a random string finds; visible words still match', async () => {
    const handler = handlerFor()
    const total = async (search: string) => (await readList(await call(handler, `/events?search=${encodeURIComponent(search)}`))).total
    expect(await total('northwind')).toBe(await total('qzxv-random-qzxv'))
    expect(await total('priya.sharma')).toBe(0)
    expect(await total('hunter2')).toBe(0)
    expect(await total('sk_live')).toBe(0)
    expect(await total('visible')).toBe(1)
    expect(await total('priya')).toBe(1) // the name is not hidden
    // The timeline counts the same search: no bar for a hidden value either.
    const counted = async (search: string) => {
      const response = await call(handler, `/histogram?${EDGES}&search=${encodeURIComponent(search)}`)
      expect(response.status).toBe(200)
      return ((await response.json()) as { buckets: { count: number }[] }).buckets[0]?.count
    }
    expect(await counted('northwind')).toBe(0)
    expect(await counted('visible')).toBe(1)
  })

  it('filtering, excluding or sorting by a hidden field is refused', async () => {
    const handler = handlerFor()
    for (const path of [
      '/events?filter.user.email=ana%40example.com',
      '/events?exclude.user.email=x',
      '/events?sort=user.email:asc',
      '/events?filter.payload.password=x',
      `/histogram?${EDGES}&split=user.email`,
      `/histogram?${EDGES}&filter.user.email=ana%40example.com`,
    ]) {
      const response = await call(handler, path)
      expect(response.status).toBe(400)
      expect(((await response.json()) as { message: string }).message).toMatch(/hidden/)
    }
  })

  it("the tenant's stored data structure can hide more fields, never show one code hides", async () => {
    const owner = handlerFor({ authorize: () => true })
    const stored = fields.map(({ key, label }) => ({
      key,
      label,
      ...(key === 'ip' ? { sensitive: 'personal' } : {}),
      ...(key === 'user.email' ? { sensitive: false } : {}),
    }))
    expect((await call(owner, '/field-config', { method: 'PUT', body: stored })).status).toBe(204)
    const text = await body(await call(handlerFor(), '/events'))
    expect(text).not.toContain('203.0.113.7')
    expect(text).not.toContain(EMAIL)
  })
})

describe('revealed on purpose, and recorded', () => {
  it('a reveal needs the reveal permission, answers one value, and is an event with the actor', async () => {
    expect((await call(handlerFor(), '/events/e1/reveal?path=user.email')).status).toBe(403)
    const revealer = handlerFor()
    const headers = { 'x-role': 'revealer' }
    expect((await call(revealer, '/events/e1/reveal?path=action', { headers })).status).toBe(400)
    expect((await call(revealer, '/events/nope/reveal?path=user.email', { headers })).status).toBe(404)
    const revealed = await call(revealer, '/events/e1/reveal?path=user.email', { headers })
    expect(await revealed.json()).toEqual({ value: EMAIL })
    const { events } = await readList(await call(revealer, '/events?search=revealed'))
    expect(events[0]).toMatchObject({
      action: 'Hidden value revealed',
      user: { name: 'The revealer' },
      payload: { eventId: 'e1', path: 'user.email' },
    })
    // Without reveal by default: a host with no authorize cannot reveal.
    const plain = createAuditLogHandler({ store, cursorSecret: SECRET, fields, resolveTenant: () => 'acme' })
    expect((await call(plain, '/events/e1/reveal?path=user.email')).status).toBe(403)
  })

  it("an event's hash, which would confirm a guess of its hidden values, goes only to a request that may reveal", async () => {
    const hashOf = async (handler: AuditLogHandler, headers?: Record<string, string>) => {
      const response = await call(handler, '/integrity?eventId=e1', headers ? { headers } : {})
      expect(response.status).toBe(200)
      return ((await response.json()) as { event: { seq: number; hash: string | null } }).event
    }
    expect(await hashOf(handlerFor())).toMatchObject({ seq: 1, hash: null })
    expect(await hashOf(handlerFor(), { 'x-role': 'revealer' })).toMatchObject({ seq: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })
})
