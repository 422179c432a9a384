/**
 * Places a panel of the top layer under its anchor: its start edge under the anchor's (a menu: its end edge),
 * mirrored right to left, kept 8 px inside the window. Sets `--ral-popover-top` and `--ral-popover-left`.
 */
export function placeUnder(panel: HTMLElement, anchor: Element, edge: 'start' | 'end'): void {
  const box = anchor.getBoundingClientRect()
  const width = panel.offsetWidth
  const rtl = getComputedStyle(anchor).direction === 'rtl'
  const left = (edge === 'start') !== rtl ? box.left : box.right - width
  panel.style.setProperty('--ral-popover-top', `${box.bottom + 4}px`)
  panel.style.setProperty('--ral-popover-left', `${Math.max(8, Math.min(left, window.innerWidth - width - 8))}px`)
}
