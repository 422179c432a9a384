import { use } from 'react'

import { readValue } from '../../core/fields'
import { cellText, type FormatOptions, formatByType, isMissing, revealHidden, severityLevel, toneOf } from '../../core/format'
import { jsonPreview } from '../../core/jsonPreview'
import { coreMessages } from '../../core/messages'
import { isHiddenValue } from '../../core/sensitive'
import { dateTimeFormatter, toEpochMs } from '../../core/time'
import type { AuditEvent, AuditField } from '../../core/types'
import { ConfigContext } from '../AuditLogsProvider/context'
import { HiddenValueText } from '../HiddenValue/HiddenValueText'

export interface FieldValueProps<TEvent extends AuditEvent> {
  field: AuditField<TEvent>
  event: TEvent
  format: FormatOptions
  /** Longest text shown before it is cut with "…" (the full text stays in the title). */
  maxLength?: number
  /**
   * A table cell: a time shows without its zone (the header says it) and without this year's number, and any
   * text carries its full value in a title, as the column may cut it.
   */
  compact?: boolean
}

const TITLE_LIMIT = 2000
const COMPACT_TIME: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }

const isPlain = (value: unknown): boolean => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/**
 * A value as a cell shows it: a list of plain values (`sourceIPs`) as `a, b` in any but a `json` field; an
 * object as the start of its JSON, never serialising a whole megabyte payload to show a line.
 */
function displayText(type: AuditField['type'], value: unknown, format: FormatOptions): string {
  if (Array.isArray(value) && type !== 'json' && value.length <= 100 && value.every(isPlain)) return value.join(', ')
  if (typeof value === 'object' && value !== null) return jsonPreview(value, TITLE_LIMIT + 1)
  return formatByType(type ?? 'text', value, format)
}

/**
 * One field of one event as text. Every value goes through React's text rendering: nothing from an event
 * is ever interpreted as HTML.
 */
export function FieldValue<TEvent extends AuditEvent>(props: FieldValueProps<TEvent>) {
  const { field, event, format } = props
  const read = readValue(field, event)
  const { value } = read
  if (isHiddenValue(value)) return <HiddenValueText kind={value.$hidden} />
  // An object shows as the start of its JSON: a cell never serialises a whole megabyte payload to show a line.
  const cell = cellText(field, value, event, (present) => displayText(field.type, present, format))
  if (read.failed || cell.failed) {
    // The host's `value` or `format` threw for this event: what can be shown without it, marked.
    const words = use(ConfigContext)?.messages.cellFailed ?? coreMessages.cellFailed
    return (
      <span className="ral-value ral-value--failed">
        <span className="ral-failed-mark" role="img" aria-label={words} title={words}>
          ⚠
        </span>
        {cell.text ? <FieldText {...props} value={value} text={cell.text} /> : null}
      </span>
    )
  }
  if (isMissing(value) && !field.format) return <span className="ral-value ral-value--missing" />
  return <FieldText {...props} value={value} text={cell.text} />
}

/** A field's text, drawn by its type. */
function FieldText<TEvent extends AuditEvent>(props: FieldValueProps<TEvent> & { value: unknown; text: string }) {
  const { field, value, text, format, compact, maxLength = 160 } = props
  // Cut first, then reveal hidden characters: a 10 MB payload is neither scanned whole nor copied whole into
  // the title attribute.
  const cut = (limit: number): string => revealHidden(text.length > limit ? `${text.slice(0, limit)}…` : text)
  const shown = cut(maxLength)
  const title = compact || text.length > maxLength ? cut(TITLE_LIMIT) : undefined

  switch (field.type) {
    case 'datetime': {
      const ms = toEpochMs(value)
      const iso = ms === null ? undefined : new Date(ms).toISOString()
      const thisYear = ms !== null && new Date(ms).getUTCFullYear() === new Date().getUTCFullYear()
      const short =
        compact && iso && !field.format
          ? dateTimeFormatter(format.locale, format.timeZone, { ...COMPACT_TIME, ...(thisYear ? {} : { year: 'numeric' }) }).format(ms ?? 0)
          : shown
      return (
        <time className="ral-value ral-value--datetime" dateTime={iso} title={iso && `${text}\n${iso}`}>
          {short}
        </time>
      )
    }
    case 'severity':
    case 'status': {
      // A severity is graded by bars on a square badge, a status is round with a mark for its tone (styles.css):
      // neither rests on colour. The value reads in the messages' words when they have one ("Hoch" for "High").
      // A badge is short and its column wide enough for it: it needs no title.
      const word = use(ConfigContext)?.messages.valueWords?.[shown.toLowerCase()] ?? shown
      return (
        <span
          className={`ral-badge ral-badge--${toneOf(value, field)}`}
          data-level={field.type === 'severity' ? severityLevel(value, field) : undefined}
        >
          {word}
        </span>
      )
    }
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
