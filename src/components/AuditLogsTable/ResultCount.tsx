import { formatNumber } from '../../core/format'
import type { CoreMessages } from '../../core/messages'
import type { AuditEvent } from '../../core/types'
import type { UseAuditEventsResult } from '../../hooks/useAuditEvents'

interface ResultCountProps {
  result: UseAuditEventsResult<AuditEvent>
  messages: CoreMessages
  locale: string | undefined
}

/** "1,234 events", announced politely whenever a search settles; "Loading events…" while it runs. */
export function ResultCount({ result, messages, locale }: ResultCountProps) {
  const format = (count: number): string => formatNumber(count, locale)
  const loaded = result.events.length
  let text = ''
  if (result.status === 'pending') text = messages.loading
  else if (result.total !== undefined) text = messages.eventCount(result.total, format(result.total))
  else if (result.status === 'success') {
    text = result.hasNextPage ? messages.eventCountAtLeast(loaded, format(loaded)) : messages.eventCount(loaded, format(loaded))
  }
  return (
    <p className="ral-count" role="status">
      {text}
    </p>
  )
}
