import type { AuditField } from '../core/types'
import type { AuditLogStore } from './store/postgres'

/** What a request wants to do with a tenant's log. */
export type AuditLogAction = 'view' | 'export' | 'configure' | 'ingest'

export interface AuthorizeContext {
  tenantId: string
  action: AuditLogAction
}

export interface AuditLogHandlerOptions {
  /** Where the log is stored (`createPostgresStore`). */
  store: AuditLogStore
  /**
   * The tenant of a request, from your own session or token: never from what the client asks for alone.
   * Return `null` for a request without a signed-in tenant (answered 401).
   */
  resolveTenant: (request: Request) => string | null | undefined | Promise<string | null | undefined>
  /** Whether the request may do `action` on the tenant's log (answered 403 when not). Defaults to allowing the resolved tenant everything. */
  authorize?: (request: Request, context: AuthorizeContext) => boolean | Promise<boolean>
  /** The key that signs paging cursors (HMAC-SHA256), at least 16 bytes; the same on every server instance. */
  cursorSecret: string | Uint8Array
  /** The path the routes live under, the `baseUrl` of `createFetchAdapter`. Defaults to `/api/audit-logs`. */
  basePath?: string
  /** The largest page a list may ask for (1–1000). Defaults to `1000`. */
  maxLimit?: number
  /** The largest JSON body accepted (ingest, data structure, export request), in bytes. Defaults to 5 MiB. */
  maxBodyBytes?: number
  /** Your fields in code: a server export writes their columns by their type (times) and `csvRaw`. Defaults to `defaultFields`. */
  fields?: readonly AuditField[]
  /** Called with errors the handler answered 500 to, for your logging. Defaults to `console.error`. */
  onError?: (error: unknown, request: Request) => void
}

/** A Fetch API handler: mounts as it is in Next.js route handlers, Hono, Bun and Deno; in Node through `toNodeListener`. */
export type AuditLogHandler = (request: Request) => Promise<Response>
