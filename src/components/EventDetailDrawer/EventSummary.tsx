import { type ReactNode, useState } from 'react'

import { drawerLayout } from '../../core/drawerLayout'
import { fieldValue } from '../../core/fields'
import { type FormatOptions, formatDateTime, isMissing, revealHidden } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import { toEpochMs } from '../../core/time'
import { formatRelativeTime } from '../../core/timeRepresentations'
import type { AuditEvent, AuditField } from '../../core/types'
import { CopyButton } from '../CopyButton/CopyButton'
import { FieldValue } from '../FieldValue/FieldValue'

interface EventSummaryProps<TEvent extends AuditEvent> {
  event: TEvent
  fields: readonly AuditField<TEvent>[]
  format: FormatOptions
  messages: AuditLogsMessages
  /** The instant "3 hours ago" counts from; defaults to the moment the drawer opened. */
  now?: number
}

/** Characters of a header value drawn at most: the line cuts it with "…" and its title holds this much. */
const HEADER_TEXT = 200

/** A short plain value of a field for the header (a value that is not text is left to the body). */
function shortText<TEvent extends AuditEvent>(field: AuditField<TEvent> | undefined, event: TEvent): string | null {
  if (!field) return null
  const value = fieldValue(field, event)
  if (isMissing(value) || (typeof value !== 'string' && typeof value !== 'number')) return null
  const text = String(value)
  return revealHidden(text.length > HEADER_TEXT ? `${text.slice(0, HEADER_TEXT)}…` : text)
}

/** One fact of the header: a label and a one-line value, "—" when the event has none, so every event has the same lines. */
function Fact({ label, name, children }: { label: string; name: string; children: ReactNode }) {
  return (
    <div className="ral-summary-item" data-fact={name}>
      <dt>{label}</dt>
      <dd>{children ?? <span className="ral-muted">—</span>}</dd>
    </div>
  )
}

/** A field's badge, the table's own, or nothing (so its line shows a dash) when the event has no value. */
function badgeOf<TEvent extends AuditEvent>(field: AuditField<TEvent>, event: TEvent, format: FormatOptions) {
  return isMissing(fieldValue(field, event)) ? null : <FieldValue field={field} event={event} format={format} />
}

/**
 * How it ended, how severe, when, who, and the event's id: the header's facts, read from the fields the data
 * structure marks (a `status` field, a `severity` field, an email field) so any backend's events read alike.
 * Which lines there are depends on the data structure alone, never on the event: stepping from event to event
 * moves nothing. Each value keeps to one line; a long one is cut with "…" and carries its full text in a title.
 */
export function EventSummary<TEvent extends AuditEvent>({ event, fields, format, messages, now: fixedNow }: EventSummaryProps<TEvent>) {
  const layout = drawerLayout(fields)
  const name = shortText(layout.actorName, event)
  const email = shortText(layout.actorEmail, event)
  const ms = toEpochMs(event.createdAt)
  const exact = formatDateTime(event.createdAt, format)
  const id = event.id
  const shownId = revealHidden(id.length > HEADER_TEXT ? `${id.slice(0, HEADER_TEXT)}…` : id)
  // "3 hours ago" as of the open: it does not tick while the drawer is open.
  const [openedAt] = useState(Date.now)
  const now = fixedNow ?? openedAt
  const actor = [name, email].filter(Boolean).join(' · ')
  return (
    <dl className="ral-summary">
      {layout.result ? (
        <Fact label={layout.result.label} name="result">
          {badgeOf(layout.result, event, format)}
        </Fact>
      ) : null}
      {layout.severity ? (
        <Fact label={layout.severity.label} name="severity">
          {badgeOf(layout.severity, event, format)}
        </Fact>
      ) : null}
      <Fact label={messages.whenLabel} name="when">
        {ms === null ? (
          <span className="ral-summary-text">{exact}</span>
        ) : (
          <time className="ral-summary-when" dateTime={new Date(ms).toISOString()} title={exact}>
            <span className="ral-summary-text">{formatRelativeTime(ms, now, format.locale)}</span>
            <span className="ral-summary-text ral-muted">{exact}</span>
          </time>
        )}
      </Fact>
      {layout.actorName || layout.actorEmail ? (
        <Fact label={messages.actorLabel} name="actor">
          {actor === '' ? null : (
            <span className="ral-summary-text ral-summary-actor" title={actor}>
              {actor}
            </span>
          )}
        </Fact>
      ) : null}
      <Fact label={messages.eventIdLabel} name="id">
        <code className="ral-summary-text ral-summary-id ral-ltr" title={shownId}>
          {shownId}
        </code>
        <CopyButton text={id} label={messages.copyValue(messages.eventIdLabel)} messages={messages} />
      </Fact>
    </dl>
  )
}
