import type { AuditLogsAdapter } from '../../adapter/types'
import { formatNumber } from '../../core/format'
import type { CoreMessages } from '../../core/messages'
import type { AuditEvent, AuditSearch } from '../../core/types'
import type { UseAuditEventsResult } from '../../hooks/useAuditEvents'
import { useExactCount } from '../../hooks/useExactCount'

interface ResultCountProps {
  result: UseAuditEventsResult<AuditEvent>
  messages: CoreMessages
  locale: string | undefined
  adapter: AuditLogsAdapter
  search: AuditSearch
  tenantId: string | undefined
}

/**
 * "1,234 events", announced politely whenever a search settles; "Loading events…" while it runs. A backend
 * that stopped counting gives "10,000+ events" and, when the adapter can count (`countEvents`), a "Count all"
 * button that asks for the exact number: never a bound shown as a count.
 */
export function ResultCount({ result, messages, locale, adapter, search, tenantId }: ResultCountProps) {
  const exact = useExactCount(adapter, search, tenantId)
  const format = (count: number): string => formatNumber(count, locale)
  const loaded = result.events.length
  const bounded = result.status === 'success' && result.total === undefined && result.totalAtLeast !== undefined
  let text = ''
  if (result.status === 'pending') text = messages.loading
  else if (result.total !== undefined) text = messages.eventCount(result.total, format(result.total))
  else if (bounded && exact.count !== undefined) text = messages.eventCount(exact.count, format(exact.count))
  else if (bounded && result.totalAtLeast !== undefined) text = messages.eventCountAtLeast(result.totalAtLeast, format(result.totalAtLeast))
  else if (result.status === 'success') {
    text = result.hasNextPage ? messages.eventCountAtLeast(loaded, format(loaded)) : messages.eventCount(loaded, format(loaded))
  }
  const offerCount = bounded && exact.count === undefined && exact.request !== undefined
  if (offerCount && exact.isCounting) text += ` · ${messages.counting}`
  else if (offerCount && exact.error) text += ` · ${messages.countFailed}`
  return (
    <div className="ral-count">
      <p className="ral-count-text" role="status">
        {text}
      </p>
      {offerCount ? (
        <button type="button" className="ral-text-button ral-count-all" onClick={exact.request} disabled={exact.isCounting}>
          {messages.countAll}
        </button>
      ) : null}
    </div>
  )
}
