import { type SortingState, type Updater, useTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { lazy, type MouseEvent, Suspense, useCallback, useEffect, useMemo, useRef } from 'react'

import { fieldForQueryKey, sortKeyOf } from '../../core/queryable'
import { unreadableProblem } from '../../core/unreadable'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { ErrorNotice } from '../ErrorNotice/ErrorNotice'
import { auditTableFeatures, fieldsToColumns } from './columns'
import { BackendNotices } from './BackendNotices'
import { ResultCount } from './ResultCount'
import { SortableHeader } from './SortableHeader'
import { useRowNavigation } from './useRowNavigation'

export interface AuditLogsTableProps {
  className?: string
  /** Height of one row in pixels, for virtual scrolling; match `--ral-row-height`. Defaults to `40`. */
  rowHeight?: number
  /** Rows drawn beyond the visible ones, above and below. Defaults to `10`. */
  overscan?: number
}

// Notices of corrected input are rare: their code and words load when there is one.
const InputNotices = lazy(() => import('./InputNotices'))

/** Rows beyond the overscan at which the next page starts loading. */
const LOAD_AHEAD = 5

/**
 * The events of the current search as a table, with loading, empty and error states. Rows are virtual:
 * the DOM holds the visible rows plus `overscan`, whether 1,000 or 100,000 are loaded; scrolling near the
 * end loads the next page.
 */
export function AuditLogsTable({ className, rowHeight = 40, overscan = 10 }: AuditLogsTableProps) {
  const { adapter, fields, format, messages, search, setSearch, result, openEventId, setOpenEventId, focusRowRef, notices } =
    useAuditLogsContext('AuditLogsTable')
  const columns = useMemo(() => fieldsToColumns(fields, format, adapter), [fields, format, adapter])
  // The search names the key the adapter sorts by (a field's `sortKey`); the table, the column it belongs to.
  const sorting = useMemo<SortingState>(() => {
    const { sort } = search
    const column = sort && (fieldForQueryKey(fields, sort.key, adapter, 'sort')?.key ?? sort.key)
    return sort && column ? [{ id: column, desc: sort.direction === 'desc' }] : []
  }, [search, fields, adapter])

  const onSortingChange = (updater: Updater<SortingState>): void => {
    const [first] = typeof updater === 'function' ? updater(sorting) : updater
    const field = first && fields.find((candidate) => candidate.key === first.id)
    const key = field ? sortKeyOf(field, adapter) : null
    setSearch(({ sort: _previous, ...rest }) => (first && key ? { ...rest, sort: { key, direction: first.desc ? 'desc' : 'asc' } } : rest))
  }

  const { status, error, events } = result
  const scrollRef = useRef<HTMLDivElement>(null)
  // TanStack Virtual hands out new functions each render by design; this component is not compiler-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  })
  const virtualRows = virtualizer.getVirtualItems()
  const firstIndex = virtualRows[0]?.index ?? 0
  const lastIndex = virtualRows.at(-1)?.index ?? -1

  // The table is given only the drawn window of events: its rows are built for those dozens, not for every
  // loaded event (building 100,000 rows took ~50 ms before the first rows showed). Sorting is the adapter's.
  const drawnEvents = useMemo(() => events.slice(firstIndex, lastIndex + 1), [events, firstIndex, lastIndex])
  const table = useTable({
    features: auditTableFeatures,
    columns,
    data: drawnEvents,
    getRowId: result.eventKey,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange,
  })
  const rows = table.getRowModel().rows
  // Spacers stand in for the rows above and below the window, so the scrollbar tells the truth.
  const paddingTop = virtualRows[0]?.start ?? 0
  const paddingBottom = virtualRows.length > 0 ? virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0) : 0

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = result
  useEffect(() => {
    if (lastIndex >= events.length - LOAD_AHEAD && hasNextPage && !isFetchingNextPage && !error) void fetchNextPage()
  }, [lastIndex, events.length, hasNextPage, isFetchingNextPage, error, fetchNextPage])

  const { eventKey } = result
  const ids = useMemo(() => events.map(eventKey), [events, eventKey])
  const renderedIds = useMemo(() => drawnEvents.map(eventKey), [drawnEvents, eventKey])
  const scrollToIndex = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }), [virtualizer])
  const { tbodyRef, activeId, onRowFocus, onRowKeyDown, focusRow } = useRowNavigation({ ids, renderedIds, open: setOpenEventId, scrollToIndex })
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
      {notices.length > 0 ? (
        <Suspense fallback={null}>
          <InputNotices />
        </Suspense>
      ) : null}
      <ResultCount result={result} messages={messages} locale={format.locale} />
      <div className="ral-table-scroll" ref={scrollRef}>
        <table
          className="ral-table"
          aria-label={messages.tableLabel}
          aria-busy={status === 'pending'}
          // Virtual rows: say how many there are and where each one sits (-1: not known yet).
          aria-rowcount={result.total !== undefined ? result.total + 1 : hasNextPage ? -1 : events.length + 1}
        >
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => (
                  <SortableHeader key={header.id} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody ref={tbodyRef}>
            {paddingTop > 0 ? <tr className="ral-spacer" aria-hidden="true" style={{ height: paddingTop }} /> : null}
            {virtualRows.map(({ index }) => {
              const row = rows[index - firstIndex]
              if (!row) return null
              const problem = unreadableProblem(row.original)
              return (
                <tr
                  key={row.id}
                  aria-rowindex={index + 2}
                  className={problem === undefined ? 'ral-row' : 'ral-row ral-row--unreadable'}
                  data-event-id={row.id}
                  tabIndex={row.id === activeId ? 0 : -1}
                  aria-current={row.id === openEventId ? 'true' : undefined}
                  onClick={(event) => onRowClick(event, row.id)}
                  onFocus={() => onRowFocus(row.id)}
                  onKeyDown={(event) => onRowKeyDown(event, row.id)}
                >
                  {row.getAllCells().map((cell, column) => (
                    <td key={cell.id} className="ral-cell">
                      {problem !== undefined && column === 0 ? (
                        <span className="ral-badge ral-badge--warning" title={problem}>
                          {messages.unreadableEvent}
                        </span>
                      ) : null}
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              )
            })}
            {paddingBottom > 0 ? <tr className="ral-spacer" aria-hidden="true" style={{ height: paddingBottom }} /> : null}
          </tbody>
        </table>
      </div>
      {status === 'success' && events.length === 0 ? <p className="ral-state ral-state--empty">{messages.empty}</p> : null}
      <BackendNotices result={result} messages={messages} locale={format.locale} />
      {error ? <ErrorNotice title={messages.errorTitle} error={error} part="events" onRetry={result.retry} /> : null}
      {isFetchingNextPage ? <p className="ral-state ral-loading-more">{messages.loadingMore}</p> : null}
    </div>
  )
}
