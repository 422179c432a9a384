import { formatDateTime, formatNumber } from '../../core/format'
import type { IntegrityRequest } from '../../core/integrity'
import { useIntegrity } from '../../hooks/useIntegrity'
import { useViewerConfig, useViewerSearch, useViewerSelection } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { Icon } from '../Icon/Icon'

export interface IntegrityIndicatorProps {
  className?: string
}

/**
 * The log's integrity for the current range: a quiet line ("Verified through 10:42 · 333,379 events") while its
 * hash chain holds, a clear alarm naming the altered event (with a button that opens it) when it does not.
 * Renders nothing for an adapter without `verifyIntegrity`.
 */
export function IntegrityIndicator({ className }: IntegrityIndicatorProps) {
  const { adapter, messages: provided, format, tenantId } = useViewerConfig('IntegrityIndicator')
  const { search } = useViewerSearch('IntegrityIndicator')
  const { setOpenEventId } = useViewerSelection('IntegrityIndicator')
  const messages = useAllMessages(provided)
  const request: IntegrityRequest = {}
  if (search.from !== undefined) request.from = search.from
  if (search.to !== undefined) request.to = search.to
  const { supported, report, error } = useIntegrity(adapter, request, tenantId)
  if (!supported) return null
  const classes = (modifier: string) => ['ral-integrity', modifier, className].filter(Boolean).join(' ')

  const problem = report?.problem
  if (problem) {
    const { eventId } = problem
    return (
      <div className={classes('ral-integrity--alarm')} role="alert">
        <Icon name="alert" />
        <div className="ral-integrity-text">
          <strong>{messages.integrityAlarmTitle}</strong> <span>{messages.integrityAlarm(problem.reason, eventId, problem.seq)}</span>
        </div>
        {eventId === null ? null : (
          <button type="button" className="ral-button" onClick={() => setOpenEventId(eventId)}>
            {messages.integrityOpenEvent}
          </button>
        )}
      </div>
    )
  }
  // Quiet while it checks and when the check itself fails: that says nothing about the log.
  let text = ''
  if (error) text = messages.integrityFailed
  else if (report?.verifiedThrough)
    text = messages.integrityVerified(
      formatDateTime(report.verifiedThrough.createdAt, format),
      report.events,
      formatNumber(report.events, format.locale),
    )
  else if (report) text = messages.integrityNothing
  return (
    <p className={classes(report?.verifiedThrough ? 'ral-integrity--verified' : '')} role="status">
      {report?.verifiedThrough ? <Icon name="check" /> : null}
      {text}
    </p>
  )
}
