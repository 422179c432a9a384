import { flushSync } from 'react-dom'

const inFlow = (element: Element): boolean => {
  const { position, display } = getComputedStyle(element)
  return display !== 'none' && position !== 'absolute' && position !== 'fixed'
}

const px = (value: string): number => Number.parseFloat(value) || 0

/** The room left below the parent's content (negative when the content overflows it), in px. */
function spareBelow(parent: HTMLElement): number {
  const rect = parent.getBoundingClientRect()
  const content = Math.max(
    rect.top,
    ...Array.from(parent.children)
      .filter(inFlow)
      .map((child) => child.getBoundingClientRect().bottom),
  )
  return rect.bottom - px(getComputedStyle(parent).paddingBottom) - content
}

/**
 * Whether the parent keeps its height while the box takes no room: it has a height of its own. Collapsing the
 * box costs two layouts, so it is asked only when the room left cannot tell (see `observeFill`).
 */
function parentHasOwnHeight(box: HTMLElement, parent: HTMLElement): boolean {
  const { scrollTop } = box
  const kept = box.style.cssText
  const before = parent.getBoundingClientRect().height
  box.style.cssText = 'height:0;min-height:0;max-height:0'
  const collapsed = parent.getBoundingClientRect().height
  box.style.cssText = kept
  box.scrollTop = scrollTop
  return Math.abs(collapsed - before) <= 0.5
}

/**
 * Reports the height (px) at which the table's box fills the rest of its region's parent (the viewer), when the host
 * gives that a height of its own; `undefined` when the viewer is as tall as its content (the box then keeps
 * `--ral-table-height`). Whole rows fit: the last row is never cut at rest.
 *
 * Measured when the ResizeObserver reports, after the browser has laid the page out and before it paints: reading
 * positions then forces no layout of its own, so the rows' first frame pays for none. A parent sized by its content
 * has no room left below it (the common page, no height given: nothing to do). Room left, or content that
 * overflows, means a height of its own; the new height is committed at once (flushSync), so the frame is painted
 * filled. No room left while the box fills is the one case that reads alike both ways (a fill that came out exact,
 * or a host that took its height away): only then is the box collapsed to ask. Returns the way to stop.
 */
export function observeFill(box: HTMLElement | null, rowHeight: number, setHeight: (height: number | undefined) => void): (() => void) | undefined {
  const region = box?.parentElement
  const parent = region?.parentElement
  // Without ResizeObserver (jsdom, old browsers) the box keeps `--ral-table-height`.
  if (!box || !region || !parent || typeof ResizeObserver === 'undefined') return undefined
  // Nothing yet: the first measure always reports (the table's state may hold an earlier box's height).
  let reported: number | undefined | null = null
  let filling = false
  const report = (height: number | undefined): void => {
    filling = height !== undefined
    if (height === reported) return
    reported = height
    flushSync(() => setHeight(height))
  }
  const measure = (): void => {
    const spare = spareBelow(parent)
    if (Math.abs(spare) <= 0.5) {
      if (!filling || !parentHasOwnHeight(box, parent)) report(undefined)
      return
    }
    const style = getComputedStyle(box)
    const frame = px(style.borderTopWidth) + px(style.borderBottomWidth) + px(style.paddingTop) + px(style.paddingBottom)
    const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0
    const target = box.getBoundingClientRect().height + spare
    // Rows below the header in whole numbers.
    const rows = target - header - frame
    report(Math.floor(rows > rowHeight ? target - (rows % rowHeight) : target))
  }
  const observer = new ResizeObserver(measure)
  observer.observe(parent)
  observer.observe(region)
  return () => observer.disconnect()
}
