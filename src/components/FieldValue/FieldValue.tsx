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
  const text = revealHidden(formatValue(field, value, event, format))
  const shown = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text
  // The whole text is in the title, up to a limit: a 10 MB payload is not copied into an attribute.
  const title = shown === text ? undefined : text.length > TITLE_LIMIT ? `${text.slice(0, TITLE_LIMIT)}…` : text

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
