import { type KeyboardEvent, type PointerEvent, useState } from 'react'

const MOVES: Partial<Record<string, number>> = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity }

export interface BarSelection {
  /** The bar the keyboard is on (the listbox's active option). */
  active: number
  /** The first and last selected bar: a drag's, a Shift+arrow run's, or the active bar alone. */
  low: number
  high: number
  /** The bar under the pointer, for the tooltip. */
  hovered: number | null
  dragging: boolean
  handlers: {
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
    onPointerDown: (event: PointerEvent<HTMLElement>) => void
    onPointerMove: (event: PointerEvent<HTMLElement>) => void
    onPointerUp: (event: PointerEvent<HTMLElement>) => void
    onPointerLeave: () => void
  }
}

/** The bar under a pointer, from its position across the bars (they share the width equally, left to right). */
function barAt(event: PointerEvent<HTMLElement>, count: number): number {
  const box = event.currentTarget.getBoundingClientRect()
  return Math.min(count - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * count)))
}

/**
 * Picking bars: a drag across them, or the arrow keys (Shift extends from where it started), then `apply`
 * with the first and last bar: on release, or on Enter/Space. A click is a drag over one bar: it zooms to it.
 */
export function useBarSelection(count: number, apply: (low: number, high: number) => void): BarSelection {
  const [activeAt, setActive] = useState(count - 1)
  const [anchor, setAnchor] = useState<number | null>(null)
  const [hovered, setHovered] = useState<number | null>(null)
  const [dragging, setDragging] = useState(false)
  // New bars (another search) may be fewer: the keyboard stays on the last one.
  const active = Math.max(0, Math.min(activeAt, count - 1))
  const from = anchor === null ? active : Math.min(anchor, count - 1)
  const [low, high] = [Math.min(from, active), Math.max(from, active)]
  const finish = (first: number, last: number): void => {
    setAnchor(null)
    setDragging(false)
    apply(first, last)
  }

  return {
    active,
    low,
    high,
    hovered,
    dragging,
    handlers: {
      onKeyDown: (event) => {
        const move = MOVES[event.key]
        if (move !== undefined) {
          event.preventDefault()
          setAnchor(event.shiftKey ? from : null)
          setActive(Math.max(0, Math.min(count - 1, active + move)))
        } else if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault()
          finish(low, high)
        } else if (event.key === 'Escape' && anchor !== null) {
          // Drops a run of bars first; a second Esc is the host's (a dialog around the viewer).
          event.preventDefault()
          event.stopPropagation()
          setAnchor(null)
        }
      },
      onPointerDown: (event) => {
        if (event.button !== 0 || count === 0) return
        const bar = barAt(event, count)
        event.currentTarget.setPointerCapture(event.pointerId)
        setAnchor(bar)
        setActive(bar)
        setDragging(true)
      },
      onPointerMove: (event) => {
        if (count === 0) return
        const bar = barAt(event, count)
        setHovered(bar)
        if (dragging) setActive(bar)
      },
      onPointerUp: (event) => {
        if (!dragging) return
        const bar = barAt(event, count)
        finish(Math.min(from, bar), Math.max(from, bar))
      },
      onPointerLeave: () => {
        setHovered(null)
      },
    },
  }
}
