import { use } from 'react'

import { severityLevel, toneOf } from '../../core/format'
import type { AuditEvent, AuditField } from '../../core/types'
import { ConfigContext } from '../AuditLogsProvider/context'

/**
 * A severity or status value as a badge: a severity graded by bars on a square badge, a status a round one with
 * a mark for its tone (✕ failed, ! warning), so neither rests on colour; the value in the messages' words when
 * they have one (German "Hoch" for "High"). Drawn in the filter's value list (loaded with it); a table cell draws
 * the same span inline in FieldValue, which keeps the first download within its budget.
 */
export function Badge<TEvent extends AuditEvent>({ field, value, text }: { field: AuditField<TEvent>; value: unknown; text: string }) {
  const word = use(ConfigContext)?.messages.valueWords?.[text.toLowerCase()] ?? text
  return (
    <span className={`ral-badge ral-badge--${toneOf(value, field)}`} data-level={field.type === 'severity' ? severityLevel(value, field) : undefined}>
      {word}
    </span>
  )
}
