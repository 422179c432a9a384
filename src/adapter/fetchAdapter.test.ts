import { describe, expect, it, vi } from 'vitest'

import { errorProblem } from '../core/errorProblem'
import { coreMessages } from '../core/messages'
import type { AuditEvent, AuditQuery } from '../core/types'
import { unreadableProblem } from '../core/unreadable'
import { signal } from '../../test/support/events'
import { decodeOffsetCursor, encodeOffsetCursor } from './cursor'
import { createFetchAdapter } from './fetchAdapter'
import type { ServerExportRequest } from './types'

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>

function respondWith(body: unknown, init: ResponseInit = {}): FetchMock {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return vi.fn<typeof fetch>(async () => new Response(text, { headers: { 'content-type': 'application/json' }, ...init }))
}

const requestOf = (fetchMock: FetchMock, call = 0): { url: URL; init: RequestInit } => {
  const [input, init] = fetchMock.mock.calls[call] ?? []
  return { url: new URL(input as string, 'http://host.test'), init: init ?? {} }
}

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

  it("turns an HTTP error into an error with the status and the server's message", async () => {
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch: respondWith({ message: 'Token expired' }, { status: 401, statusText: 'Unauthorized' }),
    })
    await expect(adapter.listEvents({ limit: 10 }, { signal: signal() })).rejects.toMatchObject({
      name: 'AuditLogsError',
      code: 'http',
      status: 401,
      message: 'The audit-log server answered 401 Unauthorized: Token expired.',
    })
  })

  it('says so when an error page is HTML instead of echoing it', async () => {
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>'
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch: vi.fn<typeof fetch>(async () => new Response(html, { status: 502, headers: { 'content-type': 'text/html' } })),
    })
    await expect(adapter.listEvents({ limit: 10 }, { signal: signal() })).rejects.toMatchObject({
      status: 502,
      message: 'The audit-log server answered 502: the server sent an HTML page instead of JSON.',
    })
  })

  it('turns a network failure into a readable error', async () => {
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch: vi.fn<typeof fetch>(async () => {
        throw new TypeError('Failed to fetch')
      }),
    })
    await expect(adapter.listEvents({ limit: 10 }, { signal: signal() })).rejects.toMatchObject({
      code: 'network',
      message: 'The audit-log server could not be reached (Failed to fetch).',
    })
  })

  it('calls a connection that breaks in the middle of the body a network failure, not a malformed answer', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"events": [{"id": "a", "createdAt'))
        controller.error(new TypeError('network error'))
      },
    })
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch: vi.fn(async () => new Response(body, { headers: { 'content-type': 'application/json' } })),
    })
    const failure = adapter.listEvents({ limit: 10 }, { signal: signal() })
    await expect(failure).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/broke while its answer arrived/) as unknown })
    // And the viewer words it in its own language.
    const error = await failure.catch((caught: unknown) => caught)
    expect(coreMessages.errorMessage(errorProblem(error, 30_000))).not.toMatch(/network error|Failed to fetch/)
  })

  it.each([
    ['a body that is not JSON', '<html>oops</html>', /not JSON/],
    ['a body without events', { data: [] }, /"events" is undefined, expected an array/],
    ['an error object with status 200', { error: 'quota exceeded' }, /"events" is undefined/],
    ['a numeric total as text', { events: [], total: '12' }, /"total" is the string "12"/],
  ])('rejects %s with a clear malformed-response error', async (_name, body, message) => {
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: respondWith(body) })
    const pending = adapter.listEvents({ limit: 10 }, { signal: signal() })
    await expect(pending).rejects.toMatchObject({ code: 'malformed-response' })
    await expect(pending).rejects.toThrow(message)
  })

  it('keeps the good rows of a page with bad ones, and marks the bad ones', async () => {
    const body = { events: [null, { id: 'a' }, { createdAt: 1_700_000_000_000 }, { id: 'b', createdAt: 1_700_000_000_001 }] }
    const { events } = await createFetchAdapter({ baseUrl: '/api', fetch: respondWith(body) }).listEvents({ limit: 10 }, { signal: signal() })
    expect(events.map(unreadableProblem)).toEqual([
      'events[0] is null, expected an event object',
      'events[1].createdAt is undefined, expected an ISO-8601 string or epoch milliseconds',
      'events[2].id is undefined, expected a non-empty string',
      undefined,
    ])
  })

  describe('for vendor APIs', () => {
    it('pages by a Link header, as Okta and GitHub do: parseList is given the response', async () => {
      // Okta's System Log: an array body, the next page in `Link: <…?after=…>; rel="next"`.
      const okta = [{ uuid: 'u1', published: '2026-01-01T00:00:00.000Z', eventType: 'user.session.start' }]
      const fetchMock = vi.fn<typeof fetch>(
        async () =>
          new Response(JSON.stringify(okta), {
            headers: {
              'content-type': 'application/json',
              link: '<https://acme.okta.com/api/v1/logs?limit=1>; rel="self", <https://acme.okta.com/api/v1/logs?after=abc123&limit=1>; rel="next"',
            },
          }),
      )
      const adapter = createFetchAdapter({
        baseUrl: 'https://acme.okta.com/api/v1',
        fetch: fetchMock,
        listPath: (query) => `/logs?limit=${String(query.limit)}${query.cursor ? `&after=${encodeURIComponent(query.cursor)}` : ''}`,
        parseList: (body, _query, response) => {
          const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1]
          return {
            events: (body as typeof okta).map((entry) => ({ ...entry, id: entry.uuid, createdAt: entry.published })),
            nextCursor: next ? new URL(next).searchParams.get('after') : null,
          }
        },
        eventPath: false,
      })
      const first = await adapter.listEvents({ limit: 1 }, { signal: signal() })
      expect(first.nextCursor).toBe('abc123')
      await adapter.listEvents({ limit: 1, cursor: first.nextCursor ?? '' }, { signal: signal() })
      expect(requestOf(fetchMock, 1).url.searchParams.get('after')).toBe('abc123')
      // No single-event endpoint: the viewer shows the event as listed.
      expect('getEvent' in adapter).toBe(false)
    })

    it('lists with a POST and a JSON body, as Google Cloud Logging does', async () => {
      const fetchMock = respondWith({ entries: [{ insertId: '-1f2a', timestamp: '2026-01-01T00:00:00.123456789Z' }], nextPageToken: 't2' })
      const adapter = createFetchAdapter({
        baseUrl: 'https://logging.example.test/v2',
        fetch: fetchMock,
        listRequest: (query) => ({
          path: '/entries:list',
          method: 'POST',
          body: { resourceNames: ['projects/demo'], pageSize: query.limit, ...(query.cursor ? { pageToken: query.cursor } : {}) },
        }),
        parseList: (body) => {
          const { entries, nextPageToken } = body as { entries: { insertId: string; timestamp: string }[]; nextPageToken?: string }
          return { events: entries.map((entry) => ({ ...entry, id: entry.insertId, createdAt: entry.timestamp })), nextCursor: nextPageToken ?? null }
        },
      })
      const { events, nextCursor } = await adapter.listEvents({ limit: 20 }, { signal: signal() })
      expect(events.map((event) => event.id)).toEqual(['-1f2a'])
      expect(nextCursor).toBe('t2')
      const { url, init } = requestOf(fetchMock)
      expect(url.pathname).toBe('/v2/entries:list')
      expect(init.method).toBe('POST')
      expect(JSON.parse(init.body as string)).toEqual({ resourceNames: ['projects/demo'], pageSize: 20 })
    })
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

  describe('with fieldConfigPath', () => {
    it('reads the stored data structure with GET and writes it with PUT as JSON', async () => {
      const fields = [{ key: 'payload.plan', label: 'Plan' }]
      const fetchMock = respondWith(fields)
      const adapter = createFetchAdapter({ baseUrl: '/api/', fetch: fetchMock, fieldConfigPath: '/field-config' })
      await expect(adapter.loadFieldConfig?.({ signal: signal() })).resolves.toEqual(fields)
      await adapter.saveFieldConfig?.(fields, { signal: signal(), tenantId: 't1' })
      const { url, init } = requestOf(fetchMock, 1)
      expect(url.pathname).toBe('/api/field-config')
      expect(init.method).toBe('PUT')
      expect(init.body).toBe(JSON.stringify(fields))
      expect(new Headers(init.headers).get('x-tenant-id')).toBe('t1')
    })

    it('reads 404 as nothing stored, and refuses a body that is not a list', async () => {
      const missing = createFetchAdapter({
        baseUrl: '/api',
        fetch: respondWith({ message: 'none' }, { status: 404 }),
        fieldConfigPath: '/field-config',
      })
      await expect(missing.loadFieldConfig?.({ signal: signal() })).resolves.toEqual([])
      const wrong = createFetchAdapter({ baseUrl: '/api', fetch: respondWith({ fields: [] }), fieldConfigPath: '/field-config' })
      await expect(wrong.loadFieldConfig?.({ signal: signal() })).rejects.toMatchObject({ code: 'malformed-response' })
    })

    it('is off unless asked', () => {
      expect('loadFieldConfig' in createFetchAdapter({ baseUrl: '/api' })).toBe(false)
    })
  })

  it('reads one event for the detail view', async () => {
    const fetchMock = respondWith({ id: 'a/b', createdAt: 1_700_000_000_000 })
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: fetchMock })
    await expect(adapter.getEvent?.('a/b', { signal: signal() })).resolves.toEqual({ id: 'a/b', createdAt: 1_700_000_000_000 })
    expect(requestOf(fetchMock).url.pathname).toBe('/api/events/a%2Fb')
  })

  describe('mapped onto an offset/count API answering { data, total }', () => {
    // The admin-portal audits API of ../shared/API-SHAPES.md: offset/count paging, `_id`, sortBy/sortDirection.
    interface AuditsResponse {
      data: Array<{ _id: string; createdAt: string; action: string; user: string }>
      total: number
    }
    const rows = Array.from({ length: 5 }, (_, index) => ({
      _id: `id${index}`,
      createdAt: `2026-01-0${index + 1}T00:00:00.000Z`,
      action: 'Login',
      user: `user${index}@example.com`,
    }))
    const server = vi.fn<typeof fetch>(async (input) => {
      const url = new URL(input as string, 'http://host.test')
      const offset = Number(url.searchParams.get('offset'))
      const count = Number(url.searchParams.get('count'))
      const body: AuditsResponse = { data: rows.slice(offset, offset + count), total: rows.length }
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })
    })

    const adapter = createFetchAdapter({
      baseUrl: 'https://api.example.com/audits/v1',
      fetch: server,
      listPath: (query) => {
        const params = new URLSearchParams({ offset: String(decodeOffsetCursor(query.cursor)), count: String(query.limit) })
        if (query.sort) {
          params.set('sortBy', query.sort.key)
          params.set('sortDirection', query.sort.direction)
        }
        if (query.search) params.set('filter', query.search)
        if (query.from) params.set('created_from', query.from)
        if (query.to) params.set('created_to', query.to)
        return `/audits?${params.toString()}`
      },
      parseList: (body, query) => {
        const { data, total } = body as AuditsResponse
        const next = decodeOffsetCursor(query.cursor) + data.length
        return {
          events: data.map(({ _id, ...rest }) => ({ id: _id, ...rest })),
          total,
          nextCursor: next < total ? encodeOffsetCursor(next) : null,
        }
      },
    })

    it('pages through every row with the offset in the opaque cursor', async () => {
      const first = await adapter.listEvents({ limit: 2, sort: { key: 'createdAt', direction: 'desc' }, search: 'Login' }, { signal: signal() })
      expect(first.events.map((event) => event.id)).toEqual(['id0', 'id1'])
      expect(first.total).toBe(5)
      const url = requestOf(server).url
      expect(url.pathname).toBe('/audits/v1/audits')
      expect(Object.fromEntries(url.searchParams)).toEqual({
        offset: '0',
        count: '2',
        sortBy: 'createdAt',
        sortDirection: 'desc',
        filter: 'Login',
      })
      const second = await adapter.listEvents({ limit: 2, cursor: first.nextCursor ?? '' }, { signal: signal() })
      const third = await adapter.listEvents({ limit: 2, cursor: second.nextCursor ?? '' }, { signal: signal() })
      expect([...first.events, ...second.events, ...third.events].map((event) => event.id)).toEqual(['id0', 'id1', 'id2', 'id3', 'id4'])
      expect(third.nextCursor).toBeNull()
    })

    it('still checks the mapped page', async () => {
      const broken = createFetchAdapter({ baseUrl: '/x', fetch: respondWith({ data: [] }), parseList: () => ({ events: 'nope' }) })
      await expect(broken.listEvents({ limit: 2 }, { signal: signal() })).rejects.toThrow(/parseList/)
    })
  })

  describe('server-side export', () => {
    const request: ServerExportRequest = {
      query: { search: 'Login', to: '2026-11-23T12:00:00.000Z' },
      columns: [
        { key: 'createdAt', label: 'Time' },
        { key: 'user', label: 'User' },
      ],
      timeZone: 'UTC',
      fileName: 'audit-logs_start_2026-11-23.csv',
    }
    // The admin-portal audits API: POST /audits/export/csv/v2 with { properties: [{ name, displayName }] } -> a CSV stream.
    const serverExport = (r: ServerExportRequest) => ({
      path: '/audits/export/csv/v2',
      body: {
        properties: r.columns.map((column) => ({ name: column.key, displayName: column.label })),
        filter: r.query.search,
        createdAt: { $lt: r.query.to },
      },
    })

    it('posts the columns and the query, and streams the CSV the server answers with', async () => {
      const fetchMock = vi.fn<typeof fetch>(async () => new Response('Time,User\r\n', { headers: { 'content-type': 'text/csv' } }))
      const adapter = createFetchAdapter({ baseUrl: '/api', fetch: fetchMock, serverExport })
      const made = await adapter.exportCsv?.(request, { signal: signal() })
      if (!made || !('stream' in made)) throw new Error('expected a stream')
      expect(await new Response(made.stream).text()).toBe('Time,User\r\n')
      const { url, init } = requestOf(fetchMock)
      expect(url.pathname).toBe('/api/audits/export/csv/v2')
      expect(init.method).toBe('POST')
      expect(new Headers(init.headers).get('content-type')).toBe('application/json')
      expect(JSON.parse(init.body as string)).toEqual({
        properties: [
          { name: 'createdAt', displayName: 'Time' },
          { name: 'user', displayName: 'User' },
        ],
        filter: 'Login',
        createdAt: { $lt: '2026-11-23T12:00:00.000Z' },
      })
    })

    it('answers a JSON { url } as a download URL', async () => {
      const adapter = createFetchAdapter({ baseUrl: '/api', fetch: respondWith({ url: 'https://files.example.com/1.csv' }), serverExport })
      await expect(adapter.exportCsv?.(request, { signal: signal() })).resolves.toEqual({ url: 'https://files.example.com/1.csv' })
    })

    it('has no exportCsv unless asked', () => {
      expect('exportCsv' in createFetchAdapter({ baseUrl: '/api' })).toBe(false)
    })
  })
})
