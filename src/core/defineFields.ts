import type { DeepKeys } from '@tanstack/react-table'

import type { EventPath } from './eventPath'
import type { AuditField } from './types'

/**
 * A field of a team's own event type: its key must be a path of that type (`a.b`, `list[0]`, `map["k8s.io/x"]`),
 * unless it has its own `value`.
 */
export type TypedAuditField<TEvent> =
  | (AuditField<TEvent> & { key: (DeepKeys<TEvent> | EventPath<TEvent>) & string; value?: undefined })
  | (AuditField<TEvent> & { value: (event: TEvent) => unknown })

/**
 * Type-checks a data structure against your event type: a key that is not a path of `TEvent` (dots, indexes
 * `[0]`, bracketed keys `["k8s.io/x"]`) is a compile error (a field with its own `value` accessor may use any key).
 *
 * ```ts
 * type Deploy = { id: string; createdAt: string; service: { name: string } }
 * const fields = defineFields<Deploy>()([{ key: 'service.name', label: 'Service' }])
 * ```
 *
 * Declare the event as a `type` (not an `interface`) so it fits `AuditEvent`'s index signature.
 */
export function defineFields<TEvent>() {
  return (fields: readonly TypedAuditField<TEvent>[]): AuditField<TEvent>[] => [...fields]
}
