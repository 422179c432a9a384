import type { AuditLogsMessages } from '../../core/messages'
import type { AuditEvent } from '../../core/types'
import type { UseAuditEventsResult } from '../../hooks/useAuditEvents'

interface ResultCountProps {
  result: UseAuditEventsResult<AuditEvent>
  messages: AuditLogsMessages
  locale: string | undefined
}

/** "1,234 events", announced politely whenever a search settles; "Loading events…" while it runs. */
export function ResultCount({ result, messages, locale }: ResultCountProps) {
  const number = new Intl.NumberFormat(locale)
  let text = ''
  if (result.status === 'pending') text = messages.loading
  else if (result.total !== undefined) text = messages.eventCount(number.format(result.total))
  else if (result.status === 'success') {
    const loaded = number.format(result.events.length)
    text = result.hasNextPage ? messages.eventCountAtLeast(loaded) : messages.eventCount(loaded)
  }
  return (
    <p className="ral-count" role="status">
      {text}
    </p>
  )
}
