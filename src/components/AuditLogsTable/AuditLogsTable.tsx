import { type SortingState, type Updater, useTable } from '@tanstack/react-table'
import { type ComponentPropsWithRef, lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react'

import { fieldForQueryKey, sortKeyOf } from '../../core/queryable'
import type { AuditEvent } from '../../core/types'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { ErrorNotice } from '../ErrorNotice/ErrorNotice'
import { auditTableFeatures, cardRoles, columnKind, columnWidth, fieldsToColumns, tableColumns, tableMinWidth } from './columns'
import { hasBackendNotices } from './hasBackendNotices'
import { ResultCount } from './ResultCount'
import { SortableHeader } from './SortableHeader'
import { useRowNavigation } from './useRowNavigation'
import { useAfterDelay } from './useAfterDelay'
import { SkeletonRow } from './SkeletonRow'
import { useRowExtras } from './useRowExtras'
import { useRowWindow } from './useRowWindow'
import { EventRow, type RowContext } from './EventRow'
import { useCardLayout } from './useCardLayout'
import { useLoadAround } from './useLoadAround'
import { useShowRow } from './useShowRow'
import { useZoneName } from './useZoneName'

/** Any prop of the table region's `div` (`className` is added to the part's own); its content is the part's. */
export interface AuditLogsTableProps extends Omit<ComponentPropsWithRef<'div'>, 'children'> {
  /** Height of one row in pixels, for virtual scrolling; match `--ral-row-height`. Defaults to `40`. */
  rowHeight?: number
  /** Rows drawn beyond the visible ones, above and below. Defaults to `3`. */
  overscan?: number
  /** Height of one card in pixels on a small screen (below 640 px); match `--ral-card-height`. Defaults to `72`. */
  cardHeight?: number
  /**
   * `'relative'` shows the time column as "3 minutes ago", "Yesterday 14:02" (the exact time on hover, on
   * focus and for screen readers); `'absolute'` shows the date and time. Defaults to `'relative'`.
   */
  times?: 'relative' | 'absolute'
}

// Notices of corrected input are rare: their code and words load when there is one.
const InputNotices = lazy(() => import('./InputNotices'))
// So are an empty result's words, and those of a backend's answers the viewer did not believe.
const EmptyResults = lazy(() => import('./EmptyResults'))
const BackendNotices = lazy(() => import('./BackendNotices'))

/** Placeholder rows while the first page loads. */
const SKELETON_ROWS = [0, 1, 2, 3, 4, 5, 6, 7]

/**
 * How long the first page may take before placeholder rows show (until then the count says "Loading events…"
 * and an empty row holds their room): a log that answers at once never flashes them, nor pays for them.
 */
const SKELETON_DELAY = 300

/**
 * The events of the current search as a table, with loading, empty and error states. Rows are virtual:
 * the DOM holds the visible rows plus `overscan`, whether 1,000 or 100,000 are loaded; scrolling near the
 * end loads the next page.
 */
export function AuditLogsTable({ className, rowHeight = 40, overscan = 3, cardHeight = 72, times = 'relative', ...props }: AuditLogsTableProps) {
  const { adapter, fields, format, messages, search, setSearch, result, openEventId, setOpenEventId, focusRowRef, showRowRef, notices, tenantId } =
    useAuditLogsContext('AuditLogsTable')
  const columns = useMemo(() => fieldsToColumns(fields, format, adapter), [fields, format, adapter])
  const shownColumns = useMemo(() => tableColumns(fields), [fields])
  const kinds = useMemo(() => shownColumns.map(columnKind), [shownColumns])
  const roles = useMemo(() => cardRoles(shownColumns), [shownColumns])
  // Times in cells leave out their zone: the time column's header says it once.
  const zone = useZoneName(format)
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

  // Rows are the rows loaded; the events held are a window of them, from `offset` on (see useAuditEvents).
  const { status, error, events, offset, rowCount } = result
  // The first time column reads relative and carries the day labels; the actor column, the actor's mark.
  const extras = useRowExtras()
  const whenColumn = roles.indexOf('when')
  const whoColumn = roles.indexOf('who')
  const whenField = shownColumns[whenColumn]?.field
  const scrollRef = useRef<HTMLDivElement>(null)
  const { cards, height, fill } = useCardLayout(scrollRef, extras, rowHeight, cardHeight)
  const showSkeleton = useAfterDelay(status === 'pending', SKELETON_DELAY)
  const {
    first: firstIndex,
    last: lastIndex,
    paddingTop,
    paddingBottom,
    scrollToIndex,
    scrollToTop,
  } = useRowWindow(scrollRef, rowCount, height, overscan)
  const virtualRows = useMemo(
    () => Array.from({ length: Math.max(0, lastIndex - firstIndex + 1) }, (_, at) => firstIndex + at),
    [firstIndex, lastIndex],
  )

  // The table is given only the drawn window of events: its rows are built for those dozens, not for every
  // loaded event (building 100,000 rows took ~50 ms before the first rows showed). Sorting is the adapter's.
  const drawnEvents = useMemo(
    () => events.slice(Math.max(0, firstIndex - offset), Math.max(0, lastIndex + 1 - offset)),
    [events, firstIndex, lastIndex, offset],
  )
  // The first drawn row that is held: rows before it are placeholders until their page is fetched again.
  const firstHeld = Math.max(firstIndex, offset)
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

  const { hasNextPage, isFetchingNextPage } = result
  useLoadAround(result, firstIndex, lastIndex, virtualRows.length)

  const { eventKey } = result
  const idAt = useCallback(
    (index: number) => {
      const event = events[index - offset]
      return event && eventKey(event)
    },
    [events, eventKey, offset],
  )
  const renderedIds = useMemo(() => drawnEvents.map(eventKey), [drawnEvents, eventKey])
  const { tbodyRef, activeId, onRowFocus, onRowKeyDown, focusRow } = useRowNavigation({
    count: rowCount,
    idAt,
    renderedIds,
    firstRendered: firstHeld,
    open: setOpenEventId,
    scrollToIndex,
  })
  useEffect(() => {
    focusRowRef.current = focusRow
  }, [focusRowRef, focusRow])

  useShowRow({ showRowRef, rowCount, events, offset, first: firstIndex, last: lastIndex, eventKey, scrollToTop, focusRow })

  const rowContext: RowContext<AuditEvent> = {
    roles,
    zone,
    messages,
    format,
    extras,
    whenColumn,
    whoColumn,
    whenField,
    whoField: shownColumns[whoColumn]?.field,
    relative: times === 'relative',
    activeId,
    openEventId,
    renderCell: (cell) => <table.FlexRender cell={cell} />,
    onRowClick: (event, id) => {
      // A link or button inside a cell does its own thing; selecting text is not a click on the row.
      if (event.target instanceof Element && event.target.closest('a, button')) return
      if (window.getSelection()?.type === 'Range') return
      setOpenEventId(id)
    },
    onRowFocus,
    onRowKeyDown,
  }

  return (
    <div {...props} className={['ral-table-region', className].filter(Boolean).join(' ')}>
      {notices.length > 0 ? (
        <Suspense fallback={null}>
          <InputNotices />
        </Suspense>
      ) : null}
      {hasBackendNotices(result) ? (
        <Suspense fallback={null}>
          <BackendNotices />
        </Suspense>
      ) : null}
      <ResultCount result={result} messages={messages} locale={format.locale} adapter={adapter} search={search} tenantId={tenantId} />
      <div
        className={cards ? 'ral-table-scroll ral-cards' : 'ral-table-scroll'}
        ref={scrollRef}
        data-fill={fill !== undefined || undefined}
        style={{ height: fill }}
      >
        <table
          className="ral-table"
          style={{ minWidth: `${tableMinWidth(kinds)}rem` }}
          aria-label={messages.tableLabel}
          aria-busy={status === 'pending'}
          // Virtual rows: say how many there are and where each one sits (-1: not known yet).
          aria-rowcount={result.total !== undefined ? result.total + 1 : hasNextPage ? -1 : rowCount + 1}
        >
          <colgroup>
            {kinds.map((kind, index) => {
              const width = columnWidth(kind)
              return <col key={index} style={width ? { width: `${width}rem` } : undefined} />
            })}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header, index) => (
                  <SortableHeader key={header.id} header={header} note={kinds[index] === 'datetime' ? zone : undefined} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody ref={tbodyRef}>
            {status === 'pending' ? (
              showSkeleton ? (
                SKELETON_ROWS.map((row) => <SkeletonRow key={row} kinds={kinds} roles={roles} />)
              ) : (
                <tr className="ral-spacer" aria-hidden="true" style={{ height: SKELETON_ROWS.length * height }} />
              )
            ) : null}
            {/* Spacers stand in for the rows above and below the window, so the scroll bar tells the truth. */}
            {paddingTop > 0 ? <tr className="ral-spacer" aria-hidden="true" style={{ height: paddingTop }} /> : null}
            {virtualRows.map((index) => {
              const row = rows[index - firstHeld]
              if (index < offset || !row) {
                // A row whose page was dropped, on its way back.
                return <SkeletonRow key={`placeholder-${String(index)}`} kinds={kinds} roles={roles} index={index} />
              }
              // A day's first row (not the first held: the row before it is not known) carries the day's label.
              const dayStart = index > offset && Boolean(extras?.startsDay(events, index - offset, whenField, format.timeZone, sorting[0]?.id))
              return <EventRow key={row.id} row={row} index={index} dayStart={dayStart} context={rowContext} />
            })}
            {paddingBottom > 0 ? <tr className="ral-spacer" aria-hidden="true" style={{ height: paddingBottom }} /> : null}
          </tbody>
        </table>
      </div>
      {status === 'success' && events.length === 0 ? (
        <Suspense fallback={null}>
          <EmptyResults whenField={whenField} />
        </Suspense>
      ) : null}
      {error ? <ErrorNotice title={messages.errorTitle} error={error} part="events" onRetry={result.retry} /> : null}
      {isFetchingNextPage ? <p className="ral-state ral-loading-more">{messages.loadingMore}</p> : null}
    </div>
  )
}
