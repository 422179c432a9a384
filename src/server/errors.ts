/**
 * Why the store, a query or a route refuses what it was given, in the domain's words. Only the handler knows
 * HTTP: it answers each kind with its status (`STATUS_OF_REFUSAL`) and the message as `{ "message" }`. A host
 * that calls the store directly (`ingest`, `sendAudit`) catches the same error and reads `kind`.
 */
export type RefusalKind = 'invalid' | 'forbidden' | 'not-found'

export class AuditLogRefusal extends Error {
  readonly kind: RefusalKind
  constructor(kind: RefusalKind, message: string) {
    super(message)
    this.name = 'AuditLogRefusal'
    this.kind = kind
  }
}

export const invalid = (message: string): AuditLogRefusal => new AuditLogRefusal('invalid', message)
export const forbidden = (message: string): AuditLogRefusal => new AuditLogRefusal('forbidden', message)
export const notFound = (message: string): AuditLogRefusal => new AuditLogRefusal('not-found', message)

export const STATUS_OF_REFUSAL: Readonly<Record<RefusalKind, number>> = { invalid: 400, forbidden: 403, 'not-found': 404 }

/** A request refused by how it travels (its body's size or type), before the domain sees it: the HTTP layer's own. */
export class HttpError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'HttpError'
    this.status = status
  }
}
