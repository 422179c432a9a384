import type { CursorCodec } from '../cursor'
import type { AuditLogHandlerOptions, AuditLogAction } from '../types'

/** What every route gets: the request, its URL, the tenant the host resolved, and the handler's settings. */
export interface RouteContext {
  request: Request
  url: URL
  tenantId: string
  /** The path after the base path's route, e.g. the id of `/events/{id}`. */
  param: string
  options: AuditLogHandlerOptions & { maxLimit: number; maxBodyBytes: number; countLimit: number }
  cursors: CursorCodec
}

export interface Route {
  action: AuditLogAction
  run: (context: RouteContext) => Promise<Response>
}
