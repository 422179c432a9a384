import type { AuditEvent, AuditField } from 'react-audit-logs'

/** An Okta System Log LogEvent (`GET /api/v1/logs`). */
export type OktaLogEvent = { uuid: string; published: string; [key: string]: unknown }
export type OktaEvent = AuditEvent & OktaLogEvent

export const fromOkta = (entry: OktaLogEvent): OktaEvent => ({ ...entry, id: entry.uuid, createdAt: entry.published })

export const oktaFields: AuditField<OktaEvent>[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'displayMessage', label: 'Event' },
  { key: 'eventType', label: 'Type', filterable: true },
  { key: 'actor.displayName', label: 'Actor', filterable: true },
  { key: 'actor.alternateId', label: 'Login', type: 'email', filterable: true },
  // SUCCESS, FAILURE, ALLOW, DENY and CHALLENGE have default tones; UNKNOWN asks for attention here.
  { key: 'outcome.result', label: 'Outcome', type: 'status', filterable: true, tones: { UNKNOWN: 'warning' } },
  { key: 'severity', label: 'Severity', type: 'severity', filterable: true },
  { key: 'client.ipAddress', label: 'IP', type: 'ip' },
  { key: 'target', label: 'Targets', type: 'json', shown: false },
]
