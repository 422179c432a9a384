const inFlow = (element: Element): boolean => {
  const { position, display } = getComputedStyle(element)
  return display !== 'none' && position !== 'absolute' && position !== 'fixed'
}

/**
 * Reports the height (px) at which the table's box fills the rest of its region's parent (the viewer), when the host
 * gives that a height of its own; `undefined` when the viewer is as tall as its content (the box then keeps
 * `--ral-table-height`). Whole rows fit: the last row is never cut at rest.
 *
 * A parent whose height does not change while the box takes no room has a height of its own. The box is
 * collapsed and restored inside one layout step, before anything is painted. Returns the way to stop.
 */
export function observeFill(box: HTMLElement | null, rowHeight: number, setHeight: (height: number | undefined) => void): (() => void) | undefined {
  const region = box?.parentElement
  const parent = region?.parentElement
  // Without ResizeObserver (jsdom, old browsers) the box keeps `--ral-table-height`.
  if (!box || !region || !parent || typeof ResizeObserver === 'undefined') return undefined
  const measure = (): void => {
    const { scrollTop } = box
    const kept = box.style.cssText
    const before = parent.getBoundingClientRect().height
    box.style.cssText = 'height:0;min-height:0;max-height:0'
    const collapsed = box.getBoundingClientRect().height
    const rect = parent.getBoundingClientRect()
    const content = Math.max(
      rect.top,
      ...Array.from(parent.children)
        .filter(inFlow)
        .map((child) => child.getBoundingClientRect().bottom),
    )
    const spare = rect.bottom - Number.parseFloat(getComputedStyle(parent).paddingBottom) - content
    box.style.cssText = kept
    box.scrollTop = scrollTop
    if (Math.abs(rect.height - before) > 0.5) {
      setHeight(undefined)
      return
    }
    const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0
    const target = spare + collapsed
    // Rows below the header in whole numbers (the box's borders are in `collapsed`).
    const rows = target - header - collapsed
    setHeight(Math.floor(rows > rowHeight ? target - (rows % rowHeight) : target))
  }
  measure()
  const observer = new ResizeObserver(measure)
  observer.observe(parent)
  observer.observe(region)
  return () => observer.disconnect()
}
