// @vitest-environment node
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createFetchAdapter } from '../adapter/fetchAdapter'
import { queryToSearchParams, searchParamsToQuery } from '../adapter/restContract'
import type { AuditEvent, AuditQuery } from '../core/types'
import { signal } from '../../test/support/events'
import { generateAuditEvents } from './generateEvents'
import { createAuditLogsHandlers } from './handlers'

const BASE = 'http://audit.test/api/audit-logs'
const events = generateAuditEvents({ count: 300, seed: 7, end: Date.UTC(2026, 10, 23) })
const server = setupServer(...createAuditLogsHandlers({ baseUrl: BASE, events }))

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

describe('the REST contract', () => {
  it('round-trips every query field through the query string', () => {
    const query: AuditQuery = {
      from: '2026-03-01T00:00:00.000+01:00',
      to: '2026-03-09T00:00:00.000Z',
      search: 'a & b = c',
      filters: { severity: ['High', 'Critical'], 'user.email': ['x@example.com'] },
      sort: { key: 'payload.amount.value', direction: 'asc' },
      limit: 25,
      cursor: 'b2Zmc2V0OjI1',
    }
    expect(searchParamsToQuery(queryToSearchParams(query))).toEqual(query)
  })
})

describe('createAuditLogsHandlers with createFetchAdapter', () => {
  const adapter = createFetchAdapter({ baseUrl: BASE })

  it('serves every matching event across pages, in order, once', async () => {
    const seen: AuditEvent[] = []
    let cursor: string | undefined
    do {
      const page = await adapter.listEvents({ limit: 40, filters: { result: ['success'] }, ...(cursor ? { cursor } : {}) }, { signal: signal() })
      seen.push(...page.events)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    const expected = events.filter((event) => event.result === 'success')
    expect(seen.map((event) => event.id)).toEqual(expected.map((event) => event.id))
  })

  it('serves only the tenant named in the x-tenant-id header', async () => {
    const page = await adapter.listEvents({ limit: 500 }, { signal: signal(), tenantId: 'acme' })
    expect(page.total).toBe(events.filter((event) => event.tenantId === 'acme').length)
    expect(page.events.every((event) => event.tenantId === 'acme')).toBe(true)
    const other = events.find((event) => event.tenantId !== 'acme')
    await expect(adapter.getEvent?.(other?.id ?? '', { signal: signal(), tenantId: 'acme' })).rejects.toMatchObject({ status: 404 })
  })

  it('answers one event by id, and 404 for an unknown id', async () => {
    const target = events[17]
    await expect(adapter.getEvent?.(target?.id ?? '', { signal: signal() })).resolves.toEqual(target)
    await expect(adapter.getEvent?.('missing', { signal: signal() })).rejects.toMatchObject({ status: 404 })
  })

  it('stores the data structure per tenant: 404 (nothing stored) reads as none, PUT then GET round-trips', async () => {
    const stored = createFetchAdapter({ baseUrl: BASE, fieldConfigPath: '/field-config' })
    await expect(stored.loadFieldConfig?.({ signal: signal(), tenantId: 'acme' })).resolves.toEqual([])
    const fields = [
      { key: 'payload.plan', label: 'Plan', custom: true },
      { key: 'action', label: 'Action', shown: false },
    ]
    await stored.saveFieldConfig?.(fields, { signal: signal(), tenantId: 'acme' })
    await expect(stored.loadFieldConfig?.({ signal: signal(), tenantId: 'acme' })).resolves.toEqual(fields)
    // Another tenant has its own.
    await expect(stored.loadFieldConfig?.({ signal: signal(), tenantId: 'globex' })).resolves.toEqual([])
  })

  it('answers 400 with a message for a query it cannot read', async () => {
    await expect(adapter.listEvents({ limit: 10, from: 'last tuesday' }, { signal: signal() })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('"from" must be an ISO-8601 instant'),
    })
  })
})

describe('generateAuditEvents', () => {
  it("is deterministic for a seed, newest first, and covers both products' fields", () => {
    expect(generateAuditEvents({ count: 50, seed: 3, end: 0 })).toEqual(generateAuditEvents({ count: 50, seed: 3, end: 0 }))
    const times = events.map((event) => Date.parse(event.createdAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(new Set(events.map((event) => event.severity))).toEqual(new Set(['Info', 'Medium', 'High', 'Critical', 'Error']))
    expect(new Set(events.map((event) => event.result))).toEqual(new Set(['success', 'failed']))
    for (const key of ['module', 'action', 'result', 'payload', 'user', 'environment', 'locale', 'tenantId', 'ip', 'resource']) {
      expect(events.every((event) => event[key] !== undefined)).toBe(true)
    }
    expect(events.some((event) => event.user.name.includes('<script>') || event.resource.includes('<'))).toBe(true)
  })
})

describe('createAuditLogsHandlers: field values and "is not"', () => {
  const adapter = createFetchAdapter({ baseUrl: BASE, fieldValuesPath: '/field-values', supportsExclude: true })

  it('answers field values with counts that add up to the events of the search', async () => {
    const search = { exclude: { result: ['SUCCESS'] } }
    const answer = await adapter.listFieldValues?.({ key: 'result', search: {}, limit: 50 }, { signal: signal() })
    const failed = events.filter((event) => event.result !== 'success')
    expect(answer?.complete).toBe(true)
    const page = await adapter.listEvents({ ...search, limit: 1000 }, { signal: signal() })
    expect(page.total).toBe(failed.length)
    expect(page.events.every((event) => event.result !== 'success')).toBe(true)
    const counted = answer?.values.find((entry) => entry.value.toLowerCase() === 'success')?.count
    expect(counted).toBe(events.length - failed.length)
  })

  it('answers 400 for a field-values request without a key', async () => {
    const response = await fetch(`${BASE}/field-values?limit=5`)
    expect(response.status).toBe(400)
  })

  it('bounds the count as react-audit-logs/server does (totalAtLeast), and counts exactly on demand (count=exact)', async () => {
    const bounded = 'http://audit.test/bounded'
    server.use(...createAuditLogsHandlers({ baseUrl: bounded, events, countLimit: 100 }))
    const boundedAdapter = createFetchAdapter({ baseUrl: bounded })
    const page = await boundedAdapter.listEvents({ limit: 10 }, { signal: signal() })
    expect(page.total).toBeUndefined()
    expect(page.totalAtLeast).toBe(100)
    expect(await boundedAdapter.countEvents?.({}, { signal: signal() })).toBe(events.length)
    const critical = events.filter((event) => event.severity.toLowerCase() === 'critical').length
    expect(await boundedAdapter.countEvents?.({ filters: { severity: ['critical'] } }, { signal: signal() })).toBe(critical)
    // The answer on the wire: a total, no bound.
    const answer = (await (await fetch(`${bounded}/events?limit=1&count=exact`)).json()) as Record<string, unknown>
    expect(answer.total).toBe(events.length)
    expect(answer).not.toHaveProperty('totalAtLeast')
    // Below the bound, the page itself has the exact total.
    const few = await boundedAdapter.listEvents({ limit: 10, filters: { severity: ['critical'] } }, { signal: signal() })
    expect(critical).toBeLessThan(100)
    expect(few.total).toBe(critical)
  })

  it('an exact count without a whole "total" is a malformed answer, never a number; a custom list has no exact count', async () => {
    const answers = [
      { events: [], totalAtLeast: 5 },
      { events: [], total: '7' },
      { events: [], total: 1.5 },
    ]
    for (const answer of answers) {
      const adapter = createFetchAdapter({ baseUrl: BASE, fetch: async () => Response.json(answer) })
      await expect(adapter.countEvents?.({}, { signal: signal() })).rejects.toMatchObject({ code: 'malformed-response' })
    }
    expect('countEvents' in createFetchAdapter({ baseUrl: BASE, listPath: () => '/logs' })).toBe(false)
  })
})
