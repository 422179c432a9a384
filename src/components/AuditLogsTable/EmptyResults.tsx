import { sortKeyOf } from '../../core/queryable'
import type { AuditField } from '../../core/types'
import { useViewerConfig, useViewerSearch } from '../AuditLogsProvider/context'

/**
 * What the table says when the search found nothing: with a search, "Clear search"; without one, that the log
 * is empty. `whenField` is the time column's field, whose order "Clear search" asks for when none was asked.
 */
export default function EmptyResults({ whenField }: { whenField: AuditField | undefined }) {
  const { adapter, messages } = useViewerConfig('AuditLogsTable')
  const { search, setSearch } = useViewerSearch('AuditLogsTable')
  const searching = Boolean(search.search || search.from || search.to || Object.keys(search.filters ?? {}).length > 0)
  if (!searching) return <p className="ral-state ral-state--empty">{messages.emptyLog}</p>
  // "Clear search" keeps the order, and asks for newest first when none was asked: the header then says so.
  const timeSort = whenField && sortKeyOf(whenField, adapter)
  const clearSearch = (): void => setSearch(({ sort }) => (sort ? { sort } : timeSort ? { sort: { key: timeSort, direction: 'desc' } } : {}))
  return (
    <div className="ral-state ral-state--empty">
      <p>{messages.empty}</p>
      <button type="button" className="ral-button" onClick={clearSearch}>
        {messages.clearSearch}
      </button>
    </div>
  )
}
