import { getPath } from './path'
import type { AuditEvent, AuditField } from './types'

/**
 * The default data structure: every property of both source products. Shown in the table by default
 * are the columns an admin scans; identifiers and the payload are hidden but still exported and shown in
 * the detail view.
 */
export const defaultFields: readonly AuditField[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'severity', label: 'Severity', type: 'severity', filterable: true },
  { key: 'action', label: 'Action', filterable: true },
  { key: 'resource', label: 'Resource', filterable: true },
  { key: 'module', label: 'Module', filterable: true, shown: false },
  { key: 'result', label: 'Result', type: 'status', filterable: true },
  { key: 'user.name', label: 'User', filterable: true },
  { key: 'user.email', label: 'Email', type: 'email', filterable: true },
  { key: 'user.id', label: 'User ID', shown: false },
  { key: 'user.permissionId', label: 'Permission ID', shown: false },
  { key: 'tenantId', label: 'Tenant', shown: false, filterable: true },
  { key: 'ip', label: 'IP address', type: 'ip' },
  { key: 'environment', label: 'Environment', shown: false, filterable: true },
  { key: 'locale', label: 'Locale', shown: false },
  { key: 'payload', label: 'Payload', type: 'json', shown: false, sortable: false },
]

/**
 * The raw value of a field for one event: its custom accessor, else its dot path. An accessor that throws
 * (it met an event shaped unlike the ones it was written for) gives a missing value, not a broken table.
 */
export function fieldValue<TEvent extends AuditEvent>(field: AuditField<TEvent>, event: TEvent): unknown {
  if (!field.value) return getPath(event, field.key)
  try {
    return field.value(event)
  } catch {
    return undefined
  }
}

export const isShown = (field: AuditField<never>): boolean => field.shown !== false
export const isExported = (field: AuditField<never>): boolean => field.exported !== false
export const isSortable = (field: AuditField<never>): boolean => field.sortable !== false
