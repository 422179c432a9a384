import { type RefObject, useLayoutEffect, useState } from 'react'

import type { useRowExtras } from './useRowExtras'

/** The table's width (px) below which its rows are cards. */
const CARD_BELOW = 640

/**
 * Whether the rows are cards (below 640 px, the stylesheet's container query), and the height the box fills
 * when the host gives the viewer one (see fillHeight).
 */
export function useCardLayout(
  scrollRef: RefObject<HTMLDivElement | null>,
  extras: ReturnType<typeof useRowExtras>,
  rowHeight: number,
  cardHeight: number,
): { cards: boolean; height: number; fill: number | undefined } {
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
  }, [scrollRef])
  const height = cards ? cardHeight : rowHeight
  const [fill, setFill] = useState<number>()
  useLayoutEffect(() => extras?.observeFill(scrollRef.current, height, setFill), [extras, height, scrollRef])
  return { cards, height, fill }
}
