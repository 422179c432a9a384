import { useId } from 'react'

import { formatDuration } from '../../core/duration'
import { formatDateTime, formatNumber, type FormatOptions, revealHidden } from '../../core/format'
import { readMarks } from '../../core/marks'
import type { AuditLogsMessages } from '../../core/messages'
import { toEpochMs } from '../../core/time'
import type { AuditEvent } from '../../core/types'
import { CopyButton } from '../CopyButton/CopyButton'

interface ServerRecordProps {
  event: AuditEvent
  format: FormatOptions
  messages: AuditLogsMessages
}

/**
 * What the server wrote beside the event: when it arrived by the server's clock, and every mark — values it
 * stored in another form rather than refuse the event, a sender's clock that disagrees. Shown only when the
 * event has either (events from other backends have neither).
 */
export function ServerRecord({ event, format, messages }: ServerRecordProps) {
  const id = useId()
  const received = toEpochMs(event.receivedAt)
  const marks = readMarks(event)
  if (received === null && marks.length === 0) return null
  return (
    <section className="ral-drawer-section ral-server-record" aria-labelledby={id}>
      <h3 id={id}>{messages.serverRecordHeading}</h3>
      <dl className="ral-detail-list">
        {received === null ? null : (
          <div className="ral-detail-item">
            <dt>{messages.receivedAtLabel}</dt>
            <dd>
              <div className="ral-detail-value">
                <span className="ral-detail-text">{formatDateTime(received, format)}</span>
              </div>
            </dd>
          </div>
        )}
        {marks.map((mark, index) => (
          <div key={`${mark.path}:${String(index)}`} className="ral-detail-item ral-mark" data-mark={mark.kind}>
            <dt>
              <code className="ral-ltr">{revealHidden(mark.path)}</code>
            </dt>
            <dd>
              <p className="ral-mark-text">
                {messages.markText(mark, {
                  length: formatNumber(mark.length ?? 0, format.locale),
                  by: formatDuration(mark.byMs ?? 0, format.locale),
                })}
              </p>
              {mark.original === undefined ? null : (
                <div className="ral-detail-value">
                  <code className="ral-detail-text ral-ltr" aria-label={messages.markOriginal}>
                    {mark.original}
                  </code>
                  <div className="ral-detail-actions">
                    <CopyButton text={mark.original} label={messages.copyValue(messages.markOriginal)} messages={messages} />
                  </div>
                </div>
              )}
              {mark.sha256 === undefined ? null : <code className="ral-detail-text ral-ltr ral-muted">SHA-256 {mark.sha256}</code>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
