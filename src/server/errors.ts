/**
 * Why the server refuses a request, in the domain's words: `invalid` input, `forbidden` to this caller,
 * `not-found`, a body `too-large`, or a body that is not JSON (`not-json`). Only the handler knows HTTP: it
 * answers each kind with its status (`STATUS_OF_REFUSAL`) and the message as `{ "message" }`. A host that calls
 * the store directly (`ingest`, `sendAudit`) catches the same error and reads `kind`.
 */
export type RefusalKind = 'invalid' | 'forbidden' | 'not-found' | 'too-large' | 'not-json'

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

export const STATUS_OF_REFUSAL: Readonly<Record<RefusalKind, number>> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  'too-large': 413,
  'not-json': 415,
}
