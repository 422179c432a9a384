import type { AuditField } from './types'

/** Where the detail drawer puts each field of the data structure. */
export interface DrawerLayout<TField> {
  /** The person or system that acted: a name field and an email field, for the header. */
  actorName: TField | undefined
  actorEmail: TField | undefined
  /** The first `status` field: the header shows it, coloured only when it failed. */
  result: TField | undefined
  /** The first `severity` field: the header shows it as the table's badge. */
  severity: TField | undefined
  /** Who did what to what: every field not below (the header's fields too, with their Filter buttons). */
  happened: TField[]
  /** Where it came from: addresses, user agents, locations, tenants, environments. */
  context: TField[]
  /** `json` fields: each a tree. */
  payload: TField[]
}

const ACTOR = /^(user|actor|principal|userIdentity|initiatedBy|caller)(\.|$)/i
const NAME = /(^|\.)(name|displayName|userName|fullName|login)$/i
/** The last segment of a field's key that marks it as context, beside the `ip` type. */
const CONTEXT =
  /^(ip|ips|ipAddress|sourceIp|sourceIps|sourceIPAddress|remoteAddr|userAgent|user_agent|rawUserAgent|location|country|countryCode|city|region|geo|device|client|zone|tenant|tenantId|environment|env|locale|origin|referer|referrer)$/i
const CONTEXT_PARENT = /^(context|client|request|device|geo|location)\./i

const lastSegment = (key: string): string => key.slice(key.lastIndexOf('.') + 1)

/** Whether a field tells where an event came from rather than what happened. */
export const isContextField = (field: Pick<AuditField<never>, 'key' | 'type'>): boolean =>
  field.type === 'ip' || CONTEXT.test(lastSegment(field.key)) || CONTEXT_PARENT.test(field.key)

/**
 * The drawer's layout, read from the data structure alone (never from an event): the header's actor and
 * result, then what happened, the context and the payload. `createdAt` is left out: the header and the
 * timestamps show it.
 */
export function drawerLayout<TField extends Pick<AuditField<never>, 'key' | 'type'>>(fields: readonly TField[]): DrawerLayout<TField> {
  const layout: DrawerLayout<TField> = {
    actorName: undefined,
    actorEmail: undefined,
    result: undefined,
    severity: undefined,
    happened: [],
    context: [],
    payload: [],
  }
  for (const field of fields) {
    if (field.key === 'createdAt') continue
    if (field.type === 'json') layout.payload.push(field)
    else if (isContextField(field)) layout.context.push(field)
    else layout.happened.push(field)
    if (field.type === 'status') layout.result ??= field
    if (field.type === 'severity') layout.severity ??= field
    if (field.type === 'email' && (ACTOR.test(field.key) || layout.actorEmail === undefined)) layout.actorEmail ??= field
    if (field.type !== 'email' && ACTOR.test(field.key) && (NAME.test(field.key) || !field.key.includes('.'))) layout.actorName ??= field
  }
  return layout
}
