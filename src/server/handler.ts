import { isAuditLogsError } from '../adapter/errors'
import { createCursorCodec } from './cursor'
import { HttpError } from './errors'
import { message } from './http'
import type { Route } from './routes/context'
import { getEvent, ingestEvents, listEvents, listFieldValues } from './routes/events'
import { exportEvents } from './routes/export'
import { loadFieldConfig, saveFieldConfig } from './routes/fieldConfig'
import { histogram } from './routes/histogram'
import type { AuditLogHandler, AuditLogHandlerOptions } from './types'

const MAX_LIMIT = 1000
const MAX_BODY_BYTES = 5 * 1024 * 1024

/** The routes by path (after the base path) and method. */
const ROUTES: Record<string, Partial<Record<string, Route>>> = {
  '/events': { GET: { action: 'view', run: listEvents }, POST: { action: 'ingest', run: ingestEvents } },
  '/events/:id': { GET: { action: 'view', run: getEvent } },
  '/field-values': { GET: { action: 'view', run: listFieldValues } },
  '/histogram': { GET: { action: 'view', run: histogram } },
  '/export': { POST: { action: 'export', run: exportEvents } },
  '/field-config': { GET: { action: 'view', run: loadFieldConfig }, PUT: { action: 'configure', run: saveFieldConfig } },
}

function matchPath(path: string): { pattern: string; param: string } | null {
  if (ROUTES[path]) return { pattern: path, param: '' }
  const event = /^\/events\/([^/]+)$/.exec(path)
  if (!event?.[1]) return null
  try {
    return { pattern: '/events/:id', param: decodeURIComponent(event[1]) }
  } catch {
    return null
  }
}

/**
 * The REST contract of `createFetchAdapter` as a Fetch API handler `(request) => Promise<Response>`:
 * `GET/POST {basePath}/events`, `GET {basePath}/events/{id}`, `GET {basePath}/field-values`, `POST {basePath}/export` (CSV) and
 * `GET/PUT {basePath}/field-config`. The tenant of every request comes from `resolveTenant`, and each action
 * passes `authorize` first; no header the client sets selects a tenant on its own.
 */
export function createAuditLogHandler(options: AuditLogHandlerOptions): AuditLogHandler {
  const basePath = (options.basePath ?? '/api/audit-logs').replace(/\/+$/, '')
  const maxLimit = Math.min(Math.max(Math.trunc(options.maxLimit ?? MAX_LIMIT), 1), MAX_LIMIT)
  const settings = { ...options, maxLimit, maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES }
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
      const tenantId = await options.resolveTenant(request)
      if (typeof tenantId !== 'string' || tenantId === '') return message(401, 'Sign in to see the audit log.')
      if (options.authorize && !(await options.authorize(request, { tenantId, action: route.action }))) {
        return message(403, `You may not ${route.action === 'view' ? 'view' : route.action} this audit log.`)
      }
      return await route.run({ request, url, tenantId, param: match.param, options: settings, cursors })
    } catch (error) {
      if (error instanceof HttpError) return message(error.status, error.message)
      if (isAuditLogsError(error) && error.code === 'invalid-query') return message(400, error.message)
      onError(error, request)
      return message(500, 'The audit-log server could not answer. Try again later.')
    }
  }
}
