import { randomBytes } from 'node:crypto'

import pg from 'pg'
import { inject } from 'vitest'

import { generateAuditEvents, type GeneratedAuditEvent } from '../../../src/msw/generateEvents'
import { createAuditLogHandler } from '../../../src/server/handler'
import { checkEvent } from '../../../src/server/ingest/checkEvent'
import { createPostgresStore, type PostgresStoreOptions } from '../../../src/server/store/postgres'
import type { AuditLogStore } from '../../../src/server/storeTypes'
import type { AuditLogHandler, AuditLogHandlerOptions } from '../../../src/server/types'

export const SECRET = 'test-secret-0123456789abcdef'
export const BASE = 'http://audit.test/api/audit-logs'

/** A database of its own for one test file, migrated unless told not to, on the suite's PostgreSQL; dropped by `drop()`. */
export async function freshStore(
  options: { migrate?: boolean; store?: Omit<PostgresStoreOptions, 'connectionString' | 'pool'> } = {},
): Promise<{ store: AuditLogStore; url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresUrl')
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client(adminUrl)
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = adminUrl.replace(/\/postgres$/, `/${name}`)
  const store = await createPostgresStore({ connectionString: url, poolConfig: { max: 4 }, ...options.store })
  if (options.migrate !== false) await store.migrate()
  return {
    store,
    url,
    drop: async () => {
      await store.close()
      await admin.query(`drop database ${name} with (force)`)
      await admin.end()
    },
  }
}

/** Generated events for some tenants, stored through the same checks as ingest. */
export async function seed(
  store: AuditLogStore,
  options: { count: number; tenants: string[]; seed?: number; end?: number },
): Promise<GeneratedAuditEvent[]> {
  const events = generateAuditEvents({
    count: options.count,
    tenants: options.tenants,
    seed: options.seed ?? 7,
    end: options.end ?? Date.parse('2026-06-01T00:00:00Z'),
  })
  for (const tenant of options.tenants) {
    const mine = events.filter((event) => event.tenantId === tenant)
    for (let start = 0; start < mine.length; start += 2000) {
      await store.insertEvents(
        tenant,
        mine.slice(start, start + 2000).map((event, index) => checkEvent(event, tenant, `events[${index}]`)),
      )
    }
  }
  return events
}

/**
 * The handler with a test session: `authorization: Bearer <tenant>[:<role>]` names the tenant (as a host's own
 * session would); roles: `viewer` views, `auditor` views and exports, `owner` everything. No header means no session.
 */
export function testHandler(store: AuditLogStore, overrides: Partial<AuditLogHandlerOptions> = {}): AuditLogHandler {
  const session = (request: Request) => {
    const match = /^Bearer ([\w-]+)(?::(\w+))?$/.exec(request.headers.get('authorization') ?? '')
    return match ? { tenantId: match[1] ?? '', role: match[2] ?? 'owner' } : null
  }
  const allowed: Record<string, string[]> = {
    viewer: ['view'],
    auditor: ['view', 'export', 'reveal'],
    owner: ['view', 'export', 'configure', 'ingest', 'reveal'],
  }
  return createAuditLogHandler({
    store,
    cursorSecret: SECRET,
    resolveTenant: (request) => session(request)?.tenantId ?? null,
    authorize: (request, { action }) => (allowed[session(request)?.role ?? ''] ?? []).includes(action),
    onError: () => undefined,
    ...overrides,
  })
}

/** A request as a browser on the tenant's session sends it. */
export function call(
  handler: AuditLogHandler,
  path: string,
  options: { tenant?: string; role?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers = new Headers(options.headers)
  if (options.tenant) headers.set('authorization', `Bearer ${options.tenant}${options.role ? `:${options.role}` : ''}`)
  if (options.body !== undefined) headers.set('content-type', 'application/json')
  return handler(
    new Request(`${BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    }),
  )
}

export interface ListBody {
  events: Array<{ id: string; createdAt: string; tenantId: string; [key: string]: unknown }>
  nextCursor: string | null
  total: number
}

export const readList = async (response: Response): Promise<ListBody> => {
  if (response.status !== 200) throw new Error(`list answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as ListBody
}
