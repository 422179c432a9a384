import { describe, expect, it, vi } from 'vitest'

import type { AuditEvent, AuditQuery } from '../core/types'
import { unreadableProblem } from '../core/unreadable'
import { signal } from '../../test/support/events'
import { requestOf, respondWith } from '../../test/support/fetchMock'
import { createFetchAdapter } from './fetchAdapter'

const page = { events: [{ id: 'a', createdAt: '2026-01-01T00:00:00Z' }], nextCursor: 'next', total: 1 }

describe('createFetchAdapter', () => {
  it('writes the REST contract query string', async () => {
    const fetchMock = respondWith(page)
    const adapter = createFetchAdapter({ baseUrl: '/api/audit/', fetch: fetchMock })
    const query: AuditQuery = {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-09T00:00:00.000Z',
      search: 'quarterly report',
      filters: { severity: ['High', 'Critical'], 'user.email': ['a&b@example.com'] },
      sort: { key: 'createdAt', direction: 'desc' },
      limit: 50,
      cursor: 'abc',
    }
    await expect(adapter.listEvents(query, { signal: signal() })).resolves.toEqual(page)
    const { url } = requestOf(fetchMock)
    expect(url.pathname).toBe('/api/audit/events')
    expect(url.searchParams.get('from')).toBe(query.from)
    expect(url.searchParams.get('to')).toBe(query.to)
    expect(url.searchParams.get('search')).toBe('quarterly report')
    expect(url.searchParams.getAll('filter.severity')).toEqual(['High', 'Critical'])
    expect(url.searchParams.getAll('filter.user.email')).toEqual(['a&b@example.com'])
    expect(url.searchParams.get('sort')).toBe('createdAt:desc')
    expect(url.searchParams.get('limit')).toBe('50')
    expect(url.searchParams.get('cursor')).toBe('abc')
  })

  it('sends static headers, credentials and an Accept header', async () => {
    const fetchMock = respondWith(page)
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: fetchMock, headers: { 'x-tenant-id': 't1' }, credentials: 'include' })
    await adapter.listEvents({ limit: 10 }, { signal: signal() })
    const { init } = requestOf(fetchMock)
    const headers = new Headers(init.headers)
    expect(headers.get('x-tenant-id')).toBe('t1')
    expect(headers.get('accept')).toBe('application/json')
    expect(init.credentials).toBe('include')
  })

  it('sends the tenant in a header (x-tenant-id, or the one named)', async () => {
    const fetchMock = respondWith(page)
    await createFetchAdapter({ baseUrl: '/api', fetch: fetchMock }).listEvents({ limit: 10 }, { signal: signal(), tenantId: 'acme' })
    expect(new Headers(requestOf(fetchMock).init.headers).get('x-tenant-id')).toBe('acme')
    await createFetchAdapter({ baseUrl: '/api', fetch: fetchMock, tenantHeader: 'frontegg-tenant-id' }).listEvents(
      { limit: 10 },
      { signal: signal(), tenantId: 'globex' },
    )
    expect(new Headers(requestOf(fetchMock, 1).init.headers).get('frontegg-tenant-id')).toBe('globex')
  })

  it('asks an async header function on every request, so tokens stay fresh', async () => {
    const fetchMock = respondWith(page)
    let token = 0
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch: fetchMock,
      headers: async () => ({ authorization: `Bearer token-${++token}` }),
    })
    await adapter.listEvents({ limit: 10 }, { signal: signal() })
    await adapter.listEvents({ limit: 10 }, { signal: signal() })
    expect(new Headers(requestOf(fetchMock, 0).init.headers).get('authorization')).toBe('Bearer token-1')
    expect(new Headers(requestOf(fetchMock, 1).init.headers).get('authorization')).toBe('Bearer token-2')
  })

  it('passes the AbortSignal to fetch and rejects with the abort', async () => {
    const fetchMock = vi.fn<typeof fetch>(
      (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        }),
    )
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: fetchMock })
    const controller = new AbortController()
    const pending = adapter.listEvents({ limit: 10 }, { signal: controller.signal })
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled())
    expect(requestOf(fetchMock).init.signal).toBe(controller.signal)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('reads one event for the detail view', async () => {
    const fetchMock = respondWith({ id: 'a/b', createdAt: 1_700_000_000_000 })
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: fetchMock })
    await expect(adapter.getEvent?.('a/b', { signal: signal() })).resolves.toEqual({ id: 'a/b', createdAt: 1_700_000_000_000 })
    expect(requestOf(fetchMock).url.pathname).toBe('/api/events/a%2Fb')
  })

  describe('declared once', () => {
    it('passes on the keys the API sorts and filters by, also through a time limit', async () => {
      const { withTimeout } = await import('./timeout')
      const adapter = createFetchAdapter({ baseUrl: '/api', fetch: respondWith(page), sortableKeys: [], filterableKeys: ['action'] })
      expect(adapter.sortableKeys).toEqual([])
      expect(adapter.filterableKeys).toEqual(['action'])
      const timed = withTimeout(adapter, 1000)
      expect(timed.sortableKeys).toEqual([])
      expect(timed.filterableKeys).toEqual(['action'])
      expect(createFetchAdapter({ baseUrl: '/api' }).sortableKeys).toBeUndefined()
    })

    it("reads each event's time in the API's format before the page is checked, every digit kept", async () => {
      // CloudTrail's LookupEvents gives EventTime in epoch seconds.
      const body = {
        events: [
          { id: 'a', createdAt: 1734393600.25 },
          { id: 'b', createdAt: 'soon' },
        ],
        nextCursor: null,
      }
      const fetchMock = vi.fn<typeof fetch>(
        async () => new Response(JSON.stringify(body.events[0]), { headers: { 'content-type': 'application/json' } }),
      )
      const adapter = createFetchAdapter({ baseUrl: '/api', fetch: respondWith(body), timeFormat: 'epoch-seconds' })
      const [read, unread] = (await adapter.listEvents({ limit: 10 }, { signal: signal() })).events as [AuditEvent, AuditEvent]
      expect(read).toEqual({ id: 'a', createdAt: '2024-12-17T00:00:00.250Z' })
      expect(unreadableProblem(read)).toBeUndefined()
      // Not in that form: kept as it came, and marked.
      expect(unread.createdAt).toBe('soon')
      expect(unreadableProblem(unread)).toBeDefined()
      const single = createFetchAdapter({ baseUrl: '/api', fetch: fetchMock, timeFormat: 'epoch-seconds' })
      await expect(single.getEvent?.('a', { signal: signal() })).resolves.toEqual({ id: 'a', createdAt: '2024-12-17T00:00:00.250Z' })
    })
  })
})
