import { isExported, isShown } from './fields'
import type { AuditField } from './types'

type Comparable = Pick<AuditField<never>, 'key' | 'label' | 'type' | 'shown' | 'exported' | 'sensitive'>

/** What the panel lets an admin change of one field: two equal signatures are the same settings. */
const settingsOf = (field: Comparable): string =>
  JSON.stringify([field.label, field.type ?? 'text', isShown(field), isExported(field), Boolean(field.sensitive)])

/**
 * How many edits separate two data structures, as a person counts them: each field added, removed or with
 * other settings is one, and a new order is one more (moving one field shifts others, which is still one move).
 */
export function countFieldChanges(before: readonly Comparable[], after: readonly Comparable[]): number {
  const old = new Map(before.map((field) => [field.key, field]))
  const kept = new Set(after.map((field) => field.key))
  let count = 0
  for (const field of after) {
    const previous = old.get(field.key)
    if (previous === undefined || settingsOf(previous) !== settingsOf(field)) count += 1
  }
  for (const field of before) if (!kept.has(field.key)) count += 1
  const order = (list: readonly Comparable[], other: ReadonlySet<string>): string[] => list.map((field) => field.key).filter((key) => other.has(key))
  const common = order(before, kept)
  const now = order(after, new Set(old.keys()))
  if (common.some((key, index) => now[index] !== key)) count += 1
  return count
}
