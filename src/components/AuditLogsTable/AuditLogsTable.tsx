import { type SortingState, type Updater, useTable } from '@tanstack/react-table'
import { type MouseEvent, useEffect, useMemo } from 'react'

import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { auditTableFeatures, fieldsToColumns } from './columns'
import { ResultCount } from './ResultCount'
import { SortableHeader } from './SortableHeader'
import { useRowNavigation } from './useRowNavigation'

export interface AuditLogsTableProps {
  className?: string
}

/** The events of the current search as a table, with loading, empty and error states. */
export function AuditLogsTable({ className }: AuditLogsTableProps) {
  const { fields, format, messages, search, setSearch, result, openEventId, setOpenEventId, focusRowRef } = useAuditLogsContext('AuditLogsTable')
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
  const ids = useMemo(() => events.map((event) => event.id), [events])
  const { tbodyRef, activeId, onRowFocus, onRowKeyDown, focusRow } = useRowNavigation(ids, setOpenEventId)
  useEffect(() => {
    focusRowRef.current = focusRow
  }, [focusRowRef, focusRow])

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, id: string): void => {
    // A link or button inside a cell does its own thing; selecting text is not a click on the row.
    if (event.target instanceof Element && event.target.closest('a, button')) return
    if (window.getSelection()?.type === 'Range') return
    setOpenEventId(id)
  }

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
          <tbody ref={tbodyRef}>
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className="ral-row"
                data-event-id={row.id}
                tabIndex={row.id === activeId ? 0 : -1}
                aria-current={row.id === openEventId ? 'true' : undefined}
                onClick={(event) => onRowClick(event, row.id)}
                onFocus={() => onRowFocus(row.id)}
                onKeyDown={(event) => onRowKeyDown(event, row.id)}
              >
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
        <button type="button" className="ral-button ral-load-more" onClick={() => void result.fetchNextPage()} disabled={result.isFetchingNextPage}>
          {result.isFetchingNextPage ? messages.loadingMore : messages.loadMore}
        </button>
      ) : null}
    </div>
  )
}
