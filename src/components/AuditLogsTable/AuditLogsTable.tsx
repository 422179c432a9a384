import { type SortingState, type Updater, useTable } from '@tanstack/react-table'
import { useMemo } from 'react'

import { useAuditEvents } from '../../hooks/useAuditEvents'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { auditTableFeatures, fieldsToColumns } from './columns'
import { ResultCount } from './ResultCount'
import { SortableHeader } from './SortableHeader'

export interface AuditLogsTableProps {
  className?: string
}

/** The events of the current search as a table, with loading, empty and error states. */
export function AuditLogsTable({ className }: AuditLogsTableProps) {
  const { adapter, fields, format, messages, pageSize, search, setSearch } = useAuditLogsContext('AuditLogsTable')
  const result = useAuditEvents({ adapter, search, pageSize })
  const columns = useMemo(() => fieldsToColumns(fields, format), [fields, format])
  const sorting = useMemo<SortingState>(
    () => (search.sort ? [{ id: search.sort.key, desc: search.sort.direction === 'desc' }] : []),
    [search.sort],
  )

  const onSortingChange = (updater: Updater<SortingState>): void => {
    const [first] = typeof updater === 'function' ? updater(sorting) : updater
    setSearch(({ sort: _previous, ...rest }) => (first ? { ...rest, sort: { key: first.id, direction: first.desc ? 'desc' : 'asc' } } : rest))
  }

  const table = useTable({
    features: auditTableFeatures,
    columns,
    data: result.events,
    getRowId: (event) => event.id,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange,
  })

  const { status, error, events } = result
  return (
    <div className={['ral-table-region', className].filter(Boolean).join(' ')}>
      <ResultCount result={result} messages={messages} locale={format.locale} />
      <div className="ral-table-scroll">
        <table className="ral-table" aria-label={messages.tableLabel} aria-busy={status === 'pending'}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <SortableHeader key={header.id} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className="ral-row">
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="ral-cell">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {status === 'success' && events.length === 0 ? <p className="ral-state ral-state--empty">{messages.empty}</p> : null}
      {error ? (
        <div className="ral-state ral-state--error" role="alert">
          <p>
            <strong>{messages.errorTitle}</strong> {error.message}
          </p>
          <button type="button" className="ral-button" onClick={result.retry}>
            {messages.retry}
          </button>
        </div>
      ) : null}
      {result.hasNextPage && !error ? (
        <button type="button" className="ral-button ral-load-more" onClick={result.fetchNextPage} disabled={result.isFetchingNextPage}>
          {result.isFetchingNextPage ? messages.loadingMore : messages.loadMore}
        </button>
      ) : null}
    </div>
  )
}
