import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw'

import { isAuditLogsError } from '../adapter/errors'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { searchParamsToQuery } from '../adapter/restContract'
import { callOptions } from '../adapter/types'
import type { AuditEvent } from '../core/types'
import { generateAuditEvents } from './generateEvents'

export interface AuditLogsHandlersOptions<TEvent extends AuditEvent> {
  /** Where the mocked API lives; the same `baseUrl` you give `createFetchAdapter`. Defaults to `/api/audit-logs`. */
  baseUrl?: string
  /** The log to serve. Defaults to 500 generated events. */
  events?: readonly TEvent[]
  /** Simulated latency in milliseconds. Defaults to `0`. */
  latency?: number
  /** The header that names the tenant; each request then sees only that tenant's events. Defaults to `x-tenant-id`. */
  tenantHeader?: string
}

const errorBody = (error: unknown): { message: string } => ({
  message: error instanceof Error ? error.message : 'Unknown error',
})

/**
 * MSW handlers that implement the REST contract of `createFetchAdapter` over an in-memory log:
 * `GET {baseUrl}/events` and `GET {baseUrl}/events/:id`. Use them in Storybook, tests, or a demo.
 */
export function createAuditLogsHandlers<TEvent extends AuditEvent = AuditEvent>(
  options: AuditLogsHandlersOptions<TEvent> = {},
): HttpHandler[] {
  const baseUrl = (options.baseUrl ?? '/api/audit-logs').replace(/\/+$/, '')
  const adapter = createMemoryAdapter<AuditEvent>(options.events ?? generateAuditEvents(), { latency: options.latency ?? 0, tenantKey: 'tenantId' })
  const tenantHeader = options.tenantHeader ?? 'x-tenant-id'
  const callFor = (request: Request) => callOptions(request.signal, request.headers.get(tenantHeader) ?? undefined)

  const answer = async (work: () => Promise<unknown>): Promise<Response> => {
    try {
      // Events are JSON: they arrive as JSON or come from the host's own JSON-shaped data.
      return HttpResponse.json((await work()) as JsonBodyType)
    } catch (error) {
      if (!isAuditLogsError(error)) throw error
      const status = error.code === 'not-found' ? 404 : error.code === 'invalid-query' ? 400 : 500
      return HttpResponse.json(errorBody(error), { status })
    }
  }

  return [
    http.get(`${baseUrl}/events`, ({ request }) =>
      answer(() => adapter.listEvents(searchParamsToQuery(new URL(request.url).searchParams), callFor(request))),
    ),
    http.get(`${baseUrl}/events/:id`, ({ params, request }) =>
      answer(() => adapter.getEvent(String(params.id), callFor(request))),
    ),
  ]
}
