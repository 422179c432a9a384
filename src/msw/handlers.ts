import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw'

import { isAuditLogsError } from '../adapter/errors'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { searchParamsToFieldValues } from '../adapter/fieldValuesContract'
import { searchParamsToHistogram } from '../adapter/histogramContract'
import { createViewStorage } from '../adapter/memoryViews'
import { searchParamsToQuery } from '../adapter/restContract'
import { callOptions } from '../adapter/types'
import type { IntegrityRequest } from '../core/integrity'
import type { ChainLink } from '../core/integrityChain'
import type { SavedView } from '../core/savedViews'
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
  /** Serve `GET`/`PUT {baseUrl}/field-config` (the fetch adapter's `fieldConfigPath`), stored per tenant in memory. Defaults to `true`. */
  fieldConfig?: boolean
  /**
   * The log's hash chain (`chainEvents(events)` from when it was stored): serves `GET {baseUrl}/integrity` (the
   * fetch adapter's `integrityPath`), checking the events as they are now against it. Defaults to none (404).
   */
  chain?: readonly ChainLink[] | Promise<readonly ChainLink[]>
  /**
   * The saved views each tenant starts with, served by `GET`/`POST`/`DELETE {baseUrl}/views` (the fetch adapter's
   * `viewsPath`) and kept per tenant in memory. Defaults to none (`[]`).
   */
  views?: readonly SavedView[]
  /**
   * Counts as `react-audit-logs/server` does: beyond this many matches a page answers `totalAtLeast` instead of
   * `total`, and `count=exact` counts them all. Defaults to no bound (always `total`).
   */
  countLimit?: number
}

const errorBody = (error: unknown): { message: string } => ({
  message: error instanceof Error ? error.message : 'Unknown error',
})

/**
 * MSW handlers that implement the REST contract of `createFetchAdapter` over an in-memory log:
 * `GET {baseUrl}/events` (with `exclude.<key>`), `GET {baseUrl}/events/:id`, `GET {baseUrl}/field-values`,
 * `GET {baseUrl}/histogram`, `GET`/`PUT {baseUrl}/field-config`, `GET`/`POST`/`DELETE {baseUrl}/views` and, with a `chain`, `GET {baseUrl}/integrity`. Use them in
 * Storybook, tests, or a demo.
 */
export function createAuditLogsHandlers<TEvent extends AuditEvent = AuditEvent>(options: AuditLogsHandlersOptions<TEvent> = {}): HttpHandler[] {
  const baseUrl = (options.baseUrl ?? '/api/audit-logs').replace(/\/+$/, '')
  const adapter = createMemoryAdapter<AuditEvent>(options.events ?? generateAuditEvents(), {
    latency: options.latency ?? 0,
    tenantKey: 'tenantId',
    ...(options.countLimit === undefined ? {} : { countLimit: options.countLimit }),
    ...(options.chain === undefined ? {} : { chain: options.chain }),
  })
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

  // The stored data structure per tenant ('' without one); 404 until something is stored.
  const fieldConfigs = new Map<string, unknown>()
  const fieldConfigHandlers =
    options.fieldConfig === false
      ? []
      : [
          http.get(`${baseUrl}/field-config`, ({ request }) => {
            const stored = fieldConfigs.get(request.headers.get(tenantHeader) ?? '')
            return stored === undefined
              ? HttpResponse.json({ message: 'No data structure stored yet.' }, { status: 404 })
              : HttpResponse.json(stored as JsonBodyType)
          }),
          http.put(`${baseUrl}/field-config`, async ({ request }) => {
            const body: unknown = await request.json().catch(() => null)
            if (!Array.isArray(body)) return HttpResponse.json({ message: 'Expected a JSON array of fields.' }, { status: 400 })
            fieldConfigs.set(request.headers.get(tenantHeader) ?? '', body)
            return new HttpResponse(null, { status: 204 })
          }),
        ]

  const verifyIntegrity = adapter.verifyIntegrity?.bind(adapter)
  const integrityHandlers = verifyIntegrity
    ? [
        http.get(`${baseUrl}/integrity`, ({ request }) => {
          const params = new URL(request.url).searchParams
          const wanted: IntegrityRequest = {}
          for (const name of ['from', 'to', 'eventId'] as const) {
            const value = params.get(name)
            if (value) wanted[name] = value
          }
          return answer(() => verifyIntegrity(wanted, callFor(request)))
        }),
      ]
    : []

  // Saved views per tenant, as `createFetchAdapter`'s `viewsPath: '/views'` asks for them.
  const views = createViewStorage(options.views ?? [])
  const viewHandlers = [
    http.get(`${baseUrl}/views`, ({ request }) => answer(() => views.listViews(callFor(request)))),
    http.post(`${baseUrl}/views`, async ({ request }) => {
      const body: unknown = await request.json().catch(() => null)
      if (typeof body !== 'object' || body === null) return HttpResponse.json({ message: 'Expected a JSON view.' }, { status: 400 })
      return answer(() => views.saveView(body as Parameters<typeof views.saveView>[0], callFor(request)))
    }),
    http.delete(`${baseUrl}/views`, async ({ request }) => {
      const refused = await answer(() => views.deleteView(new URL(request.url).searchParams.get('id') ?? '', callFor(request)))
      return refused.ok ? new HttpResponse(null, { status: 204 }) : refused
    }),
  ]

  return [
    ...fieldConfigHandlers,
    ...integrityHandlers,
    ...viewHandlers,
    http.get(`${baseUrl}/events`, ({ request }) =>
      answer(async () => {
        const params = new URL(request.url).searchParams
        const query = searchParamsToQuery(params)
        const page = await adapter.listEvents(query, callFor(request))
        if (params.get('count') !== 'exact' || page.total !== undefined) return page
        // `count=exact`: the exact number, however many match.
        const { limit: _limit, cursor: _cursor, ...search } = query
        const { totalAtLeast: _bound, ...rest } = page
        return { ...rest, total: await adapter.countEvents(search, callFor(request)) }
      }),
    ),
    http.get(`${baseUrl}/field-values`, ({ request }) =>
      answer(() => adapter.listFieldValues(searchParamsToFieldValues(new URL(request.url).searchParams), callFor(request))),
    ),
    http.get(`${baseUrl}/histogram`, ({ request }) =>
      answer(() => adapter.histogram(searchParamsToHistogram(new URL(request.url).searchParams), callFor(request))),
    ),
    http.get(`${baseUrl}/events/:id`, ({ params, request }) => answer(() => adapter.getEvent(String(params.id), callFor(request)))),
  ]
}
