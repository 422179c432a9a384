import { fieldValue } from '../../core/fields'
import { type FormatOptions, formatValue, isMissing, revealHidden, toneOf } from '../../core/format'
import { toEpochMs } from '../../core/time'
import type { AuditEvent, AuditField } from '../../core/types'

export interface FieldValueProps<TEvent extends AuditEvent> {
  field: AuditField<TEvent>
  event: TEvent
  format: FormatOptions
  /** Longest text shown before it is cut with "…" (the full text stays in the title). */
  maxLength?: number
}

const TITLE_LIMIT = 2000

/**
 * One field of one event as text. Every value goes through React's text rendering: nothing from an event
 * is ever interpreted as HTML.
 */
export function FieldValue<TEvent extends AuditEvent>({ field, event, format, maxLength = 160 }: FieldValueProps<TEvent>) {
  const value = fieldValue(field, event)
  if (isMissing(value) && !field.format) return <span className="ral-value ral-value--missing" />
  const text = formatValue(field, value, event, format)
  // Cut first, then reveal hidden characters: a 10 MB payload is neither scanned whole nor copied whole into
  // the title attribute.
  const cut = (limit: number): string => revealHidden(text.length > limit ? `${text.slice(0, limit)}…` : text)
  const shown = cut(maxLength)
  const title = text.length > maxLength ? cut(TITLE_LIMIT) : undefined

  switch (field.type) {
    case 'datetime': {
      const ms = toEpochMs(value)
      const iso = ms === null ? undefined : new Date(ms).toISOString()
      return (
        <time className="ral-value ral-value--datetime" dateTime={iso} title={iso}>
          {shown}
        </time>
      )
    }
    case 'severity':
    case 'status':
      return (
        <span className={`ral-badge ral-badge--${toneOf(value)}`} title={title}>
          {shown}
        </span>
      )
    case 'json':
      return (
        <code className="ral-value ral-value--json" title={title}>
          {shown}
        </code>
      )
    default:
      return (
        <span className={`ral-value ral-value--${field.type ?? 'text'}`} title={title}>
          {shown}
        </span>
      )
  }
}
