import { formatNumber } from '../../core/format'
import { useNewEventCount } from '../../hooks/useNewEventCount'
import { useViewerConfig, useViewerResults, useViewerSearch } from '../AuditLogsProvider/context'

/** "3 new events — show", when auto-refresh finds events newer than the list; a click reloads from the top. */
export function NewEventsNotice() {
  const { adapter, refreshInterval, pageSize, messages, format, tenantId } = useViewerConfig('NewEventsNotice')
  const { search } = useViewerSearch('NewEventsNotice')
  const result = useViewerResults('NewEventsNotice')
  const { count, more } = useNewEventCount({ adapter, search, newest: result.events[0], interval: refreshInterval, pageSize, tenantId })
  return (
    <div className="ral-new-events" role="status">
      {count > 0 ? (
        <button type="button" className="ral-button" onClick={result.reload}>
          {messages.newEvents(count, formatNumber(count, format.locale), more)}
        </button>
      ) : null}
    </div>
  )
}
