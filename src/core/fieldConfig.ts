import { isValidPath } from './path'
import { FIELD_TYPES } from './fieldTypes'
import type { AuditField, AuditFieldType } from './types'
import { isRecord } from './isRecord'

/** What is stored of a field: everything but functions. */
export type StoredField = Pick<
  AuditField<never>,
  'key' | 'label' | 'type' | 'shown' | 'exported' | 'sortable' | 'filterable' | 'custom' | 'sensitive'
>

/** The data structure as the adapter stores it (functions cannot be stored; code keeps them). */
export function toStoredConfig(fields: readonly AuditField<never>[]): StoredField[] {
  return fields.map(({ key, label, type, shown, exported, sortable, filterable, custom, sensitive }) => ({
    key,
    label,
    ...(type === undefined ? {} : { type }),
    ...(shown === undefined ? {} : { shown }),
    ...(exported === undefined ? {} : { exported }),
    ...(sortable === undefined ? {} : { sortable }),
    ...(filterable === undefined ? {} : { filterable }),
    ...(custom === undefined ? {} : { custom }),
    ...(sensitive === undefined || sensitive === false ? {} : { sensitive }),
  }))
}

function readStoredField(value: unknown): StoredField | null {
  if (!isRecord(value) || typeof value.key !== 'string' || typeof value.label !== 'string') return null
  const field: StoredField = { key: value.key, label: value.label }
  if (typeof value.type === 'string' && (FIELD_TYPES as readonly string[]).includes(value.type)) field.type = value.type as AuditFieldType
  for (const flag of ['shown', 'exported', 'sortable', 'filterable', 'custom'] as const) {
    if (typeof value[flag] === 'boolean') field[flag] = value[flag]
  }
  if (value.sensitive === true || value.sensitive === 'personal' || value.sensitive === 'secret') field.sensitive = value.sensitive
  return field
}

/**
 * A stored data structure laid over the code's fields: stored order, labels and switches win (but a field
 * code marks sensitive stays so); code keeps its accessors and formats; stored custom fields with valid paths are added; fields new in code (not yet
 * stored) come last. Anything unreadable in storage is skipped, never fatal.
 */
export function mergeStoredConfig<TEvent>(codeFields: readonly AuditField<TEvent>[], stored: unknown): AuditField<TEvent>[] {
  if (!Array.isArray(stored)) return [...codeFields]
  const byKey = new Map(codeFields.map((field) => [field.key, field]))
  const merged: AuditField<TEvent>[] = []
  const used = new Set<string>()
  for (const entry of stored) {
    const field = readStoredField(entry)
    if (!field || used.has(field.key)) continue
    const code = byKey.get(field.key)
    // Storage may mark a field sensitive, never unmark one that code marked (as it cannot set `csvRaw`).
    if (code) merged.push({ ...code, ...field, ...(code.sensitive ? { sensitive: code.sensitive } : {}) })
    else if (isValidPath(field.key)) merged.push({ ...field, custom: true })
    else continue
    used.add(field.key)
  }
  for (const field of codeFields) if (!used.has(field.key)) merged.push(field)
  return merged
}
