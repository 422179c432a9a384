import { type SortingState, type Updater, useTable } from '@tanstack/react-table'
import {
  type ComponentPropsWithRef,
  lazy,
  type MouseEvent,
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'

import { fieldForQueryKey, sortKeyOf } from '../../core/queryable'
import { dateTimeFormatter } from '../../core/time'
import { unreadableProblem } from '../../core/unreadable'
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
// So are those of a backend's answers the viewer did not believe.
const BackendNotices = lazy(() => import('./BackendNotices'))

/** The table's width (px) below which its rows are cards. */
const CARD_BELOW = 640

/** Placeholder rows while the first page loads. */
const SKELETON_ROWS = [0, 1, 2, 3, 4, 5, 6, 7]

/**
 * How long the first page may take before placeholder rows show (until then the count says "Loading events…"
 * and an empty row holds their room): a log that answers at once never flashes them, nor pays for them.
 */
const SKELETON_DELAY = 300

/** Rows beyond the overscan at which the next page starts loading. */
const LOAD_AHEAD = 5

/** Rows away from those held past which the page of the visible rows is fetched at once (see `jumpToRow`). */
const FAR_ROWS = 500

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
  // Worked out when the zone or locale changes, not on every scroll's render.
  const zone = useMemo(
    () =>
      dateTimeFormatter(format.locale, format.timeZone, { timeZoneName: 'short' })
        .formatToParts(new Date())
        .find((part) => part.type === 'timeZoneName')?.value,
    [format.locale, format.timeZone],
  )
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
  // "Clear search" keeps the order, and asks for newest first when none was asked: the header then says so.
  const timeSort = whenField && sortKeyOf(whenField, adapter)
  const clearSearch = (): void => setSearch(({ sort }) => (sort ? { sort } : timeSort ? { sort: { key: timeSort, direction: 'desc' } } : {}))
  const searching = Boolean(search.search || search.from || search.to || Object.keys(search.filters ?? {}).length > 0)
  const scrollRef = useRef<HTMLDivElement>(null)
  // Below 640 px the rows are cards (the stylesheet's container query), as tall as `--ral-card-height`.
  const [cards, setCards] = useState(false)
  // Measured before the first paint too: the observer's first report comes a frame later, and rows drawn at
  // the row height for that frame would jump when the cards arrive.
  useLayoutEffect(() => {
    const element = scrollRef.current
    // Without ResizeObserver (jsdom in a host's tests, old browsers) the rows stay rows.
    if (!element || typeof ResizeObserver === 'undefined') return
    setCards(element.clientWidth < CARD_BELOW)
    const observer = new ResizeObserver(() => setCards(element.clientWidth < CARD_BELOW))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const height = cards ? cardHeight : rowHeight
  // A viewer given a height by its host: the box takes what the rest leaves (see fillHeight).
  const [fill, setFill] = useState<number>()
  useLayoutEffect(() => extras?.observeFill(scrollRef.current, height, setFill), [extras, height])
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

  const { hasNextPage, isFetchingNextPage, fetchNextPage, hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage, jumpToRow } = result
  const heldEnd = offset + events.length
  const busy = isFetchingNextPage || isFetchingPreviousPage
  useEffect(() => {
    if (busy || error || status !== 'success' || virtualRows.length === 0) return
    // Far from the rows held (the scroll bar dragged, Home or End): the page of the first visible row, at once.
    if (firstIndex >= heldEnd + FAR_ROWS || lastIndex < offset - FAR_ROWS) void jumpToRow(firstIndex)
    else if (firstIndex < offset + LOAD_AHEAD && hasPreviousPage) void fetchPreviousPage()
    else if (lastIndex >= heldEnd - LOAD_AHEAD && hasNextPage) void fetchNextPage()
  }, [
    firstIndex,
    lastIndex,
    offset,
    heldEnd,
    events.length,
    busy,
    error,
    status,
    virtualRows.length,
    hasNextPage,
    hasPreviousPage,
    fetchNextPage,
    fetchPreviousPage,
    jumpToRow,
  ])

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

  // "Go to time": the row goes to the top once the rows reach it, and takes focus once its event is held (the
  // rows above it are the newer events, a scroll or an arrow key away).
  const shownRow = useRef<number | null>(null)
  const [, setShowing] = useState(0)
  useEffect(() => {
    showRowRef.current = (row) => {
      shownRow.current = row
      setShowing((count) => count + 1)
    }
  }, [showRowRef])
  useLayoutEffect(() => {
    const row = shownRow.current
    if (row === null || row >= rowCount) return
    scrollToTop(row)
    const event = events[row - offset]
    // Focused once drawn (the scroll above draws it on the next render).
    if (!event || row < firstIndex || row > lastIndex) return
    shownRow.current = null
    focusRow(eventKey(event))
  })

  const onRowClick = (event: MouseEvent<HTMLTableRowElement>, id: string): void => {
    // A link or button inside a cell does its own thing; selecting text is not a click on the row.
    if (event.target instanceof Element && event.target.closest('a, button')) return
    if (window.getSelection()?.type === 'Range') return
    setOpenEventId(id)
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
              const problem = unreadableProblem(row.original)
              // A day's first row (not the first held: the row before it is not known) carries the day's label.
              const dayStart = index > offset && extras?.startsDay(events, index - offset, whenField, format.timeZone, sorting[0]?.id)
              return (
                <tr
                  key={row.id}
                  aria-rowindex={index + 2}
                  className={problem === undefined ? 'ral-row' : 'ral-row ral-row--unreadable'}
                  data-event-id={row.id}
                  data-day-start={dayStart ? '' : undefined}
                  tabIndex={row.id === activeId ? 0 : -1}
                  aria-current={row.id === openEventId ? 'true' : undefined}
                  onClick={(event) => onRowClick(event, row.id)}
                  onFocus={() => onRowFocus(row.id)}
                  onKeyDown={(event) => onRowKeyDown(event, row.id)}
                >
                  {row.getAllCells().map((cell, column) => {
                    const value = <table.FlexRender cell={cell} />
                    return (
                      <td key={cell.id} className="ral-cell" data-card={roles[column]} data-zone={roles[column] === 'when' ? zone : undefined}>
                        {problem !== undefined && column === 0 ? (
                          <span className="ral-badge ral-badge--warning" title={problem}>
                            {messages.unreadableEvent}
                          </span>
                        ) : null}
                        {extras && column === whenColumn ? (
                          <extras.TimeCell event={row.original} field={whenField} format={format} relative={times === 'relative'} dayStart={dayStart}>
                            {value}
                          </extras.TimeCell>
                        ) : extras && column === whoColumn ? (
                          <extras.ActorCell event={row.original} field={shownColumns[column]?.field} messages={messages}>
                            {value}
                          </extras.ActorCell>
                        ) : (
                          value
                        )}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
            {paddingBottom > 0 ? <tr className="ral-spacer" aria-hidden="true" style={{ height: paddingBottom }} /> : null}
          </tbody>
        </table>
      </div>
      {status === 'success' && events.length === 0 ? (
        searching ? (
          <div className="ral-state ral-state--empty">
            <p>{messages.empty}</p>
            <button type="button" className="ral-button" onClick={clearSearch}>
              {messages.clearSearch}
            </button>
          </div>
        ) : (
          <p className="ral-state ral-state--empty">{messages.emptyLog}</p>
        )
      ) : null}
      {error ? <ErrorNotice title={messages.errorTitle} error={error} part="events" onRetry={result.retry} /> : null}
      {isFetchingNextPage ? <p className="ral-state ral-loading-more">{messages.loadingMore}</p> : null}
    </div>
  )
}
