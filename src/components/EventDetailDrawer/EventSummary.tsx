import { useState } from 'react'

import { drawerLayout } from '../../core/drawerLayout'
import { fieldValue } from '../../core/fields'
import { type FormatOptions, formatDateTime, isMissing, revealHidden, toneOf } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import { toEpochMs } from '../../core/time'
import { formatRelativeTime } from '../../core/timeRepresentations'
import type { AuditEvent, AuditField } from '../../core/types'
import { CopyButton } from '../CopyButton/CopyButton'
import { Icon } from '../Icon/Icon'

interface EventSummaryProps<TEvent extends AuditEvent> {
  event: TEvent
  fields: readonly AuditField<TEvent>[]
  format: FormatOptions
  messages: AuditLogsMessages
}

/** A short plain value of a field for the header (a value that is not text is left to the body). */
function shortText<TEvent extends AuditEvent>(field: AuditField<TEvent> | undefined, event: TEvent): string | null {
  if (!field) return null
  const value = fieldValue(field, event)
  if (isMissing(value) || (typeof value !== 'string' && typeof value !== 'number')) return null
  const text = String(value)
  return revealHidden(text.length > 120 ? `${text.slice(0, 120)}…` : text)
}

/**
 * Who did it, how it ended, when, and the event's id: the header's facts, read from the fields the data
 * structure marks (an email field, a `status` field) so any backend's events read alike.
 */
export function EventSummary<TEvent extends AuditEvent>({ event, fields, format, messages }: EventSummaryProps<TEvent>) {
  const layout = drawerLayout(fields)
  const name = shortText(layout.actorName, event)
  const email = shortText(layout.actorEmail, event)
  const result = layout.result ? fieldValue(layout.result, event) : undefined
  const resultText = shortText(layout.result, event)
  const failed = layout.result !== undefined && toneOf(result, layout.result) === 'danger'
  const ms = toEpochMs(event.createdAt)
  const id = event.id
  // "3 hours ago" as of the open: it does not tick while the drawer is open.
  const [now] = useState(Date.now)
  return (
    <dl className="ral-summary">
      {name || email ? (
        <div className="ral-summary-item ral-summary-item--wide">
          <dt>{messages.actorLabel}</dt>
          <dd>
            {name ? <span className="ral-summary-actor">{name}</span> : null}
            {email ? <span className="ral-muted ral-ltr">{email}</span> : null}
          </dd>
        </div>
      ) : null}
      {layout.result && resultText ? (
        <div className="ral-summary-item">
          <dt>{layout.result.label}</dt>
          <dd>
            {failed ? (
              <span className="ral-badge ral-badge--danger">
                <Icon name="alert" /> {resultText}
              </span>
            ) : (
              <span>{resultText}</span>
            )}
          </dd>
        </div>
      ) : null}
      <div className="ral-summary-item ral-summary-item--wide">
        <dt>{messages.whenLabel}</dt>
        <dd>
          {ms === null ? null : <span>{formatRelativeTime(ms, now, format.locale)}</span>}
          <time className="ral-muted" dateTime={ms === null ? undefined : new Date(ms).toISOString()}>
            {formatDateTime(event.createdAt, format)}
          </time>
        </dd>
      </div>
      <div className="ral-summary-item">
        <dt>{messages.eventIdLabel}</dt>
        <dd>
          <code className="ral-summary-id ral-ltr">{revealHidden(id.length > 200 ? `${id.slice(0, 200)}…` : id)}</code>
          <CopyButton text={id} label={messages.copyValue(messages.eventIdLabel)} messages={messages} />
        </dd>
      </div>
    </dl>
  )
}
