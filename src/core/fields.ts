import { coreMessages, type DefaultFieldKey } from './messages'
import { getPath } from './path'
import { normaliseTime } from './time'
import type { AuditEvent, AuditField } from './types'

const labels = coreMessages.fieldLabels

/**
 * Marks a library field whose label is the messages' label of a key: the viewer shows that message, in the
 * viewer's language, for as long as the label is still the one the library set. A field a host writes has no
 * mark, so its label is shown as written, even when it reads like a default one. Spreading the field keeps it.
 */
const LABEL_FROM_MESSAGES = Symbol('react-audit-logs: label from messages')

type Labelled = AuditField<never> & { readonly [LABEL_FROM_MESSAGES]?: DefaultFieldKey }

const field = (key: DefaultFieldKey, rest: Omit<AuditField, 'key' | 'label'> = {}): AuditField => {
  const labelled: AuditField & Labelled = { key, label: labels[key], ...rest, [LABEL_FROM_MESSAGES]: key }
  return labelled
}

/**
 * The default data structure: every property of both source products. Shown in the table by default
 * are the columns an admin scans; identifiers and the payload are hidden but still exported and shown in
 * the detail view. Their labels follow the viewer's messages (`fieldLabels`).
 */
export const defaultFields: readonly AuditField[] = [
  field('createdAt', { type: 'datetime' }),
  field('severity', { type: 'severity', filterable: true }),
  field('action', { filterable: true }),
  field('resource', { filterable: true }),
  field('module', { filterable: true, shown: false }),
  field('result', { type: 'status', filterable: true }),
  field('user.name', { filterable: true }),
  field('user.email', { type: 'email', filterable: true }),
  field('user.id', { shown: false }),
  field('user.permissionId', { shown: false }),
  field('tenantId', { shown: false, filterable: true }),
  field('ip', { type: 'ip' }),
  field('environment', { shown: false, filterable: true }),
  field('locale', { shown: false }),
  field('payload', { type: 'json', shown: false, sortable: false }),
]

/**
 * A field's label in the viewer's language: a library field whose label no one changed gets the messages'
 * label; a label a host or an admin chose stays as it is.
 */
export function fieldLabel(field: AuditField<never>, translated: Record<DefaultFieldKey, string>): string {
  const key = (field as Labelled)[LABEL_FROM_MESSAGES]
  return key !== undefined && field.label === labels[key] ? translated[key] : field.label
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
