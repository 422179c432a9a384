import { coreMessages, type DefaultFieldKey } from './messages'
import { getPath } from './path'
import { normaliseTime } from './time'
import type { AuditEvent, AuditField } from './types'

const labels = coreMessages.fieldLabels

/**
 * The default data structure: every property of both source products. Shown in the table by default
 * are the columns an admin scans; identifiers and the payload are hidden but still exported and shown in
 * the detail view. Their labels follow the viewer's messages (`fieldLabels`).
 */
export const defaultFields: readonly AuditField[] = [
  { key: 'createdAt', label: labels.createdAt, type: 'datetime' },
  { key: 'severity', label: labels.severity, type: 'severity', filterable: true },
  { key: 'action', label: labels.action, filterable: true },
  { key: 'resource', label: labels.resource, filterable: true },
  { key: 'module', label: labels.module, filterable: true, shown: false },
  { key: 'result', label: labels.result, type: 'status', filterable: true },
  { key: 'user.name', label: labels['user.name'], filterable: true },
  { key: 'user.email', label: labels['user.email'], type: 'email', filterable: true },
  { key: 'user.id', label: labels['user.id'], shown: false },
  { key: 'user.permissionId', label: labels['user.permissionId'], shown: false },
  { key: 'tenantId', label: labels.tenantId, shown: false, filterable: true },
  { key: 'ip', label: labels.ip, type: 'ip' },
  { key: 'environment', label: labels.environment, shown: false, filterable: true },
  { key: 'locale', label: labels.locale, shown: false },
  { key: 'payload', label: labels.payload, type: 'json', shown: false, sortable: false },
]

/**
 * A field's label in the viewer's language: a default field whose label is still the English default gets
 * the messages' label; a label a host or an admin chose stays as it is.
 */
export function fieldLabel(field: AuditField<never>, translated: Record<DefaultFieldKey, string>): string {
  const key = field.key as DefaultFieldKey
  return Object.hasOwn(labels, key) && field.label === labels[key] ? translated[key] : field.label
}

/** The fields with `fieldLabel`s; the same array when no label changes. */
export function localizeLabels<TField extends AuditField<never>>(
  fields: readonly TField[],
  translated: Record<DefaultFieldKey, string>,
): readonly TField[] {
  const localized = fields.map((field) => {
    const label = fieldLabel(field, translated)
    return label === field.label ? field : { ...field, label }
  })
  return localized.some((field, index) => field !== fields[index]) ? localized : fields
}

/** A field's value for one event; `failed` when the host's `value` accessor threw (the value is then missing). */
export interface ReadValue {
  value: unknown
  failed: boolean
}

/**
 * The raw value of a field for one event, and whether the host's accessor failed: its custom accessor, else
 * its dot path; a time in its `timeFormat` is given as the ISO instant it is. An accessor that throws (it met
 * an event shaped unlike the ones it was written for) gives a missing value, never a broken table or a lost
 * export.
 */
export function readValue<TEvent extends AuditEvent>(field: AuditField<TEvent>, event: TEvent): ReadValue {
  let value: unknown
  if (!field.value) value = getPath(event, field.key)
  else {
    try {
      value = field.value(event)
    } catch {
      return { value: undefined, failed: true }
    }
  }
  // A time written in another form (epoch seconds, a warehouse's UTC date and time) is read as the instant it is.
  return { value: field.timeFormat === undefined ? value : normaliseTime(value, field.timeFormat), failed: false }
}

/** The raw value of a field for one event (missing when the host's accessor throws). */
export const fieldValue = <TEvent extends AuditEvent>(field: AuditField<TEvent>, event: TEvent): unknown => readValue(field, event).value

export const isShown = (field: AuditField<never>): boolean => field.shown !== false
export const isExported = (field: AuditField<never>): boolean => field.exported !== false
export const isSortable = (field: AuditField<never>): boolean => field.sortable !== false
