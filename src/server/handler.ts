import { isAuditLogsError } from '../adapter/errors'
import { createCursorCodec } from './cursor'
import { AuditLogRefusal, STATUS_OF_REFUSAL } from './errors'
import { message } from './http'
import type { Route } from './routes/context'
import { getEvent, ingestEvents, listEvents, listFieldValues } from './routes/events'
import { exportEvents } from './routes/export'
import { revealValue } from './routes/reveal'
import { loadFieldConfig, saveFieldConfig } from './routes/fieldConfig'
import { histogram } from './routes/histogram'
import { verifyIntegrity } from './routes/integrity'
import { deleteView, listViews, saveView } from './routes/views'
import { looksLikeIngestKey } from './store/ingestKeys'
import type { AuditLogAction, AuditLogHandler, AuditLogHandlerOptions } from './types'

const MAX_LIMIT = 1000
const MAX_BODY_BYTES = 5 * 1024 * 1024
/**
 * Matches counted exactly on a first page before the answer says "at least": all of them by default, because
 * the viewer shows a bound as what it loaded ("50+ events") and a host should choose that trade knowingly.
 */
const COUNT_LIMIT = Infinity

/** The routes by path (after the base path) and method. */
const ROUTES: Record<string, Partial<Record<string, Route>>> = {
  '/events': { GET: { action: 'view', run: listEvents }, POST: { action: 'ingest', run: ingestEvents } },
  '/events/:id': { GET: { action: 'view', run: getEvent } },
  '/events/:id/reveal': { GET: { action: 'reveal', run: revealValue } },
  '/field-values': { GET: { action: 'view', run: listFieldValues } },
  '/histogram': { GET: { action: 'view', run: histogram } },
  '/export': { POST: { action: 'export', run: exportEvents } },
  '/field-config': { GET: { action: 'view', run: loadFieldConfig }, PUT: { action: 'configure', run: saveFieldConfig } },
  '/integrity': { GET: { action: 'view', run: verifyIntegrity } },
  // Everyone who views keeps views of their own; the route asks for `configure` before a shared one changes.
  '/views': { GET: { action: 'view', run: listViews }, POST: { action: 'view', run: saveView }, DELETE: { action: 'view', run: deleteView } },
}

/** What a resolved tenant may do when the host gives no `authorize`: read, never write. */
const DEFAULT_GRANTS: ReadonlySet<AuditLogAction> = new Set(['view', 'export'])

/** The part of a request that holds a NUL character (which no stored value can hold), if one does. */
function partWithNul(url: URL, param: string): string | null {
  if (param.includes('\0')) return 'the path'
  for (const [key, value] of url.searchParams) {
    if (key.includes('\0') || value.includes('\0')) return `"${key.replace(/\0/g, '%00').slice(0, 80)}"`
  }
  return null
}

/** The bearer token of a request, if it carries one. */
const bearer = (request: Request): string | null => /^Bearer (\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? null

function matchPath(path: string): { pattern: string; param: string } | null {
  if (ROUTES[path]) return { pattern: path, param: '' }
  const event = /^\/events\/([^/]+)(\/reveal)?$/.exec(path)
  if (!event?.[1]) return null
  try {
    return { pattern: event[2] ? '/events/:id/reveal' : '/events/:id', param: decodeURIComponent(event[1]) }
  } catch {
    return null
  }
}

/**
 * The REST contract of `createFetchAdapter` as a Fetch API handler `(request) => Promise<Response>`:
 * `GET/POST {basePath}/events`, `GET {basePath}/events/{id}`, `GET {basePath}/events/{id}/reveal?path=…`, `GET {basePath}/field-values`, `POST {basePath}/export` (CSV),
 * `GET/PUT {basePath}/field-config`, `GET {basePath}/integrity` (the hash chain verified) and `GET/POST/DELETE {basePath}/views` (saved views). The tenant of every request comes from `resolveTenant` (or, for
 * `POST /events`, from an ingest key), and each action passes `authorize` first (without it: view and export
 * only); no header the client sets selects a tenant on its own.
 */
export function createAuditLogHandler(options: AuditLogHandlerOptions): AuditLogHandler {
  const basePath = (options.basePath ?? '/api/audit-logs').replace(/\/+$/, '')
  const maxLimit = Math.min(Math.max(Math.trunc(options.maxLimit ?? MAX_LIMIT), 1), MAX_LIMIT)
  const settings = {
    ...options,
    maxLimit,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    countLimit: Math.max(Math.trunc(options.countLimit ?? COUNT_LIMIT), 0),
  }
  const cursors = createCursorCodec(options.cursorSecret)
  const onError =
    options.onError ??
    ((error: unknown) => {
      console.error('react-audit-logs/server:', error)
    })

  return async (request) => {
    try {
      const url = new URL(request.url)
      const path = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length).replace(/\/+$/, '') : ''
      const match = matchPath(path)
      if (!match) return message(404, 'No such audit-log route.')
      const methods = ROUTES[match.pattern] ?? {}
      const route = methods[request.method]
      if (!route) return message(405, `${request.method} is not allowed here.`, { allow: Object.keys(methods).join(', ') })
      const nul = partWithNul(url, match.param)
      if (nul) return message(400, `The request holds a NUL character (%00) in ${nul}; no stored event can hold one.`)
      const context = { request, url, param: match.param, options: settings, cursors }
      // A producer's ingest key names its tenant and grants writing it, nothing else.
      const token = bearer(request)
      if (token && looksLikeIngestKey(token)) {
        if (route.action !== 'ingest') return message(401, 'An ingest key writes events; it cannot read or configure the log.')
        const keyTenant = await options.store.authenticateIngestKey(token)
        if (keyTenant === null) return message(401, 'This ingest key is unknown or revoked.')
        return await route.run({ ...context, tenantId: keyTenant })
      }
      const tenantId = await options.resolveTenant(request)
      if (typeof tenantId !== 'string' || tenantId === '') return message(401, 'Sign in to see the audit log.')
      const allowed = options.authorize ? await options.authorize(request, { tenantId, action: route.action }) : DEFAULT_GRANTS.has(route.action)
      if (!allowed) return message(403, `You may not ${route.action} this audit log.`)
      return await route.run({ ...context, tenantId })
    } catch (error) {
      if (error instanceof AuditLogRefusal) return message(STATUS_OF_REFUSAL[error.kind], error.message)
      if (isAuditLogsError(error) && error.code === 'invalid-query') return message(400, error.message)
      onError(error, request)
      return message(500, 'The audit-log server could not answer. Try again later.')
    }
  }
}
