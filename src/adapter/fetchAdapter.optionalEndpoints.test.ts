import { describe, expect, it, vi } from 'vitest'

import { signal } from '../../test/support/events'
import { requestOf, respondWith } from '../../test/support/fetchMock'
import { createFetchAdapter } from './fetchAdapter'
import type { ServerExportRequest } from './types'

describe('createFetchAdapter', () => {
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
