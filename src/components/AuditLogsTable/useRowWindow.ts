import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'

/**
 * The tallest a scroll box's content is made, in pixels: under every browser's limit for an element's height
 * (Firefox's is about 17.9 million, Chromium's 33.5 million). A log taller than this, at 40 px a row 375,000
 * rows, gets a scaled scroll bar: its position stands for the same share of all rows.
 */
export const MAX_SCROLL_HEIGHT = 15_000_000

export interface RowWindow {
  /** The first and last row drawn (`last` < `first` when there are none). */
  first: number
  last: number
  /** The heights that stand in for the rows above and below those drawn. */
  paddingTop: number
  paddingBottom: number
}

/**
 * How far the scroll box's content moves for a pixel of the rows' own height: 1 up to the limit; past it, the
 * share of the box's scroll range in the rows' own (the scroll bar's position stands for the same share of all
 * rows).
 */
function scrollScale(total: number, viewport: number): number {
  const height = Math.min(total, MAX_SCROLL_HEIGHT)
  return total > height && height > viewport ? (height - viewport) / (total - viewport) : 1
}

/**
 * The rows to draw for a scroll position: those in view plus `overscan` on each side, and where they sit.
 * Rows have one height, so this is arithmetic, whatever the count: nothing is measured or kept per row.
 */
export function rowWindow(count: number, rowHeight: number, overscan: number, scrollTop: number, viewport: number): RowWindow {
  const total = count * rowHeight
  const height = Math.min(total, MAX_SCROLL_HEIGHT)
  const scale = scrollScale(total, viewport)
  // Past the limit, the scroll position is scaled to the offset it stands for among all the rows.
  const position = scale < 1 ? Math.min(Math.max(0, scrollTop), height - viewport) : scrollTop
  const offset = position / scale
  if (count === 0) return { first: 0, last: -1, paddingTop: 0, paddingBottom: 0 }
  const top = Math.min(count - 1, Math.max(0, Math.floor(offset / rowHeight)))
  const bottom = Math.min(count - 1, Math.max(top, Math.ceil((offset + viewport) / rowHeight) - 1))
  const first = Math.max(0, top - overscan)
  const last = Math.min(count - 1, bottom + overscan)
  // The drawn rows sit where the scaled position shows them (unscaled: at their own offsets).
  const paddingTop = Math.max(0, first * rowHeight - (offset - position))
  return { first, last, paddingTop, paddingBottom: Math.max(0, height - paddingTop - (last - first + 1) * rowHeight) }
}

const sameWindow = (a: RowWindow, b: RowWindow): boolean =>
  a.first === b.first && a.last === b.last && a.paddingTop === b.paddingTop && a.paddingBottom === b.paddingBottom

/**
 * Virtual rows of one height in a scroll box: the window of rows to draw, following scrolling and the box's
 * size, and a way to bring a row into view. A scroll re-renders only when the window changes, in a task of its
 * own (not inside the frame that paints the scroll).
 */
export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow & { scrollToIndex: (index: number) => void; scrollToTop: (index: number) => void } {
  const [view, setView] = useState({ scrollTop: 0, viewport: 0 })
  const shape = useRef({ count, rowHeight, overscan, window: rowWindow(count, rowHeight, overscan, 0, 0) })
  const window = useMemo(() => rowWindow(count, rowHeight, overscan, view.scrollTop, view.viewport), [count, rowHeight, overscan, view])
  useEffect(() => {
    shape.current = { count, rowHeight, overscan, window }
  }, [count, rowHeight, overscan, window])

  useLayoutEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const read = (): void => {
      const next = { scrollTop: element.scrollTop, viewport: element.clientHeight }
      const { count: rows, rowHeight: height, overscan: extra, window: drawn } = shape.current
      // Only a scroll that changes what is drawn re-renders.
      if (!sameWindow(rowWindow(rows, height, extra, next.scrollTop, next.viewport), drawn)) setView(next)
    }
    setView({ scrollTop: element.scrollTop, viewport: element.clientHeight })
    element.addEventListener('scroll', read, { passive: true })
    // Without ResizeObserver (jsdom in a host's tests, old browsers) the box keeps its first size.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(read)
    observer?.observe(element)
    return () => {
      element.removeEventListener('scroll', read)
      observer?.disconnect()
    }
  }, [scrollRef])

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current
      if (!element) return
      const { count: rows, rowHeight: height } = shape.current
      const viewport = element.clientHeight
      const scale = scrollScale(rows * height, viewport)
      const offset = element.scrollTop / scale
      const start = index * height
      // As little as brings the row into view: to the top from above, to the bottom from below.
      if (start < offset) element.scrollTop = start * scale
      else if (start + height > offset + viewport) element.scrollTop = (start + height - viewport) * scale
    },
    [scrollRef],
  )
  /** Puts a row at the top of the box (as far as the rows below it allow): where "Go to time" lands. */
  const scrollToTop = useCallback(
    (index: number) => {
      const element = scrollRef.current
      if (!element) return
      const { count: rows, rowHeight: height } = shape.current
      element.scrollTop = index * height * scrollScale(rows * height, element.clientHeight)
    },
    [scrollRef],
  )
  return { ...window, scrollToIndex, scrollToTop }
}
