import { useEffect } from 'react'

import type { AuditEvent } from '../../core/types'
import type { UseAuditEventsResult } from '../../hooks/useAuditEvents'

/** Rows beyond the overscan at which the next page starts loading. */
const LOAD_AHEAD = 5

/** Rows away from those held past which the page of the visible rows is fetched at once (see `jumpToRow`). */
const FAR_ROWS = 500

/**
 * Keeps the drawn rows (`first`…`last`) held: the next page as the end of the rows held comes near, the page
 * before as their start does, and the page of a row far from them at once (the scroll bar dragged, Home or End).
 */
export function useLoadAround<TEvent extends AuditEvent>(result: UseAuditEventsResult<TEvent>, first: number, last: number, drawn: number): void {
  const {
    status,
    error,
    events,
    offset,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
    hasPreviousPage,
    isFetchingPreviousPage,
    fetchPreviousPage,
    jumpToRow,
  } = result
  const heldEnd = offset + events.length
  const busy = isFetchingNextPage || isFetchingPreviousPage
  useEffect(() => {
    if (busy || error || status !== 'success' || drawn === 0) return
    if (first >= heldEnd + FAR_ROWS || last < offset - FAR_ROWS) void jumpToRow(first)
    else if (first < offset + LOAD_AHEAD && hasPreviousPage) void fetchPreviousPage()
    else if (last >= heldEnd - LOAD_AHEAD && hasNextPage) void fetchNextPage()
  }, [
    first,
    last,
    offset,
    heldEnd,
    events.length,
    busy,
    error,
    status,
    drawn,
    hasNextPage,
    hasPreviousPage,
    fetchNextPage,
    fetchPreviousPage,
    jumpToRow,
  ])
}
