import { describe, expect, it, vi } from 'vitest'

import { signal } from '../../test/support/events'
import { requestOf, respondWith } from '../../test/support/fetchMock'
import { decodeOffsetCursor, encodeOffsetCursor } from './cursor'
import { createFetchAdapter } from './fetchAdapter'

describe('createFetchAdapter', () => {
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
})
