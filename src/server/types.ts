import type { AuditField } from '../core/types'
import type { AuditLogStore } from './storeTypes'

/** What a request wants to do with a tenant's log. */
export type AuditLogAction = 'view' | 'export' | 'configure' | 'ingest' | 'reveal'

/** Who a request acts for, from the host's own session: recorded as the `user` of the events it causes. */
export interface AuditActor {
  id?: string
  name?: string
  email?: string
  [key: string]: unknown
}

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
  /**
   * Whether the request may do `action` on the tenant's log (answered 403 when not). Without it, a resolved
   * tenant may `view` and `export` only: `ingest` and `configure` need your explicit yes. Producers that are
   * not a browser session write with an ingest key (`store.createIngestKey`), which needs no `authorize`.
   */
  authorize?: (request: Request, context: AuthorizeContext) => boolean | Promise<boolean>
  /**
   * Who the request acts for, from your session: the `user` of the events the handler records in the same
   * log (an export, a change of the data structure). Without it those events name no one.
   */
  actor?: (request: Request, context: { tenantId: string }) => AuditActor | null | undefined | Promise<AuditActor | null | undefined>
  /** The key that signs paging cursors (HMAC-SHA256), at least 16 bytes; the same on every server instance. */
  cursorSecret: string | Uint8Array
  /** The path the routes live under, the `baseUrl` of `createFetchAdapter`. Defaults to `/api/audit-logs`. */
  basePath?: string
  /** The largest page a list may ask for (1–1000). Defaults to `1000`. */
  maxLimit?: number
  /**
   * How far the first page of a list counts its matches: up to this many the answer has an exact `total`,
   * beyond it `totalAtLeast` (this number) and no `total`, so the first page of a large tenant does not read
   * every match. `?count=exact` asks for the exact number. Defaults to `Infinity` (always count); `10000` suits
   * tenants of millions, where an exact count costs more than the page.
   */
  countLimit?: number
  /** The largest JSON body accepted (ingest, data structure, export request), in bytes. Defaults to 5 MiB. */
  maxBodyBytes?: number
  /** Your fields in code: a server export writes their columns by their type (times) and `csvRaw`. Defaults to `defaultFields`. */
  fields?: readonly AuditField[]
  /** Called with errors the handler answered 500 to, for your logging. Defaults to `console.error`. */
  onError?: (error: unknown, request: Request) => void
}

/** A Fetch API handler: mounts as it is in Next.js route handlers, Hono, Bun and Deno; in Node through `toNodeListener`. */
export type AuditLogHandler = (request: Request) => Promise<Response>
