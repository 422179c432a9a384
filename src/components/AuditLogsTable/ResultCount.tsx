import { lazy, Suspense } from 'react'

import type { AuditLogsAdapter } from '../../adapter/types'
import { formatNumber } from '../../core/format'
import type { CoreMessages } from '../../core/messages'
import type { AuditEvent, AuditSearch } from '../../core/types'
import type { UseAuditEventsResult } from '../../hooks/useAuditEvents'

// Loaded when a backend first stops counting: most logs are counted whole.
const CountAll = lazy(() => import('./CountAll').then((module) => ({ default: module.CountAll })))

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
  const format = (count: number): string => formatNumber(count, locale)
  const loaded = result.events.length
  const bound = result.status === 'success' && result.total === undefined ? result.totalAtLeast : undefined
  let text = ''
  if (result.status === 'pending') text = messages.loading
  else if (result.total !== undefined) text = messages.eventCount(result.total, format(result.total))
  else if (bound !== undefined) text = messages.eventCountAtLeast(bound, format(bound))
  else if (result.status === 'success') {
    text = result.hasNextPage ? messages.eventCountAtLeast(loaded, format(loaded)) : messages.eventCount(loaded, format(loaded))
  }
  const status = (
    <p className="ral-count-text" role="status">
      {text}
    </p>
  )
  return (
    <div className="ral-count">
      {bound !== undefined && adapter.countEvents ? (
        <Suspense fallback={status}>
          <CountAll bound={text} messages={messages} format={format} adapter={adapter} search={search} tenantId={tenantId} />
        </Suspense>
      ) : (
        status
      )}
    </div>
  )
}
