import { isValidPath } from './path'
import type { AuditField, AuditFieldType } from './types'

export type NewFieldProblem = 'empty-key' | 'invalid-path' | 'duplicate-key' | 'empty-label'

export interface NewFieldInput {
  key: string
  label: string
  type: AuditFieldType
}

/** Why a field an admin wants to add cannot be added, or `null` when it can. */
export function checkNewField(input: NewFieldInput, existing: readonly Pick<AuditField<never>, 'key'>[]): NewFieldProblem | null {
  const key = input.key.trim()
  if (!key) return 'empty-key'
  if (!isValidPath(key)) return 'invalid-path'
  if (existing.some((field) => field.key === key)) return 'duplicate-key'
  if (!input.label.trim()) return 'empty-label'
  return null
}

/** The field an admin adds: a dot path, shown and exported. */
export function newCustomField<TEvent>(input: NewFieldInput): AuditField<TEvent> {
  return { key: input.key.trim(), label: input.label.trim(), type: input.type, shown: true, exported: true, custom: true }
}

/** Moves one field by `delta` places (clamped); the same list when it cannot move. */
export function moveField<T>(fields: readonly T[], index: number, delta: number): T[] {
  const target = Math.max(0, Math.min(fields.length - 1, index + delta))
  if (target === index || index < 0 || index >= fields.length) return [...fields]
  const next = [...fields]
  const [moved] = next.splice(index, 1)
  if (moved !== undefined) next.splice(target, 0, moved)
  return next
}
