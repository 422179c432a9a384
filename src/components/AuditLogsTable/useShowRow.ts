import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react'

interface ShowRowOptions<TEvent> {
  /** Where the table hands its "show this row" to the viewer (the provider's `showRowRef`). */
  showRowRef: RefObject<((row: number) => void) | null>
  rowCount: number
  events: readonly TEvent[]
  offset: number
  first: number
  last: number
  eventKey: (event: TEvent) => string
  scrollToTop: (row: number) => void
  focusRow: (id: string) => boolean
}

/**
 * "Go to time": the row goes to the top once the rows reach it, and takes focus once its event is held (the
 * rows above it are the newer events, a scroll or an arrow key away).
 */
export function useShowRow<TEvent>({
  showRowRef,
  rowCount,
  events,
  offset,
  first,
  last,
  eventKey,
  scrollToTop,
  focusRow,
}: ShowRowOptions<TEvent>): void {
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
    if (!event || row < first || row > last) return
    shownRow.current = null
    focusRow(eventKey(event))
  })
}
