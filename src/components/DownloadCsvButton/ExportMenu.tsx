import { type KeyboardEvent, useLayoutEffect, useRef } from 'react'

import { formatNumber } from '../../core/format'
import type { CsvExportScope } from '../../hooks/useCsvExport'
import { useViewerConfig, useViewerResults } from '../AuditLogsProvider/context'
import { placeUnder } from '../Popover/placeUnder'

export interface ExportMenuItemsProps {
  /** Starts the export of the rows chosen. */
  onChoose: (scope: CsvExportScope) => void
}

// The menu's items and keys (WAI-ARIA menu): arrows, Home and End move, Escape closes and returns to its
// button, Tab closes. It loads when the control is first pointed at or focused, so the button up front is markup.

/**
 * The open menu's items, drawn inside the menu's popover (in the pair's group) and placing it under the pair:
 * its end edge under the pair's, inside the window.
 */
export function ExportMenuItems({ onChoose }: ExportMenuItemsProps) {
  const { format, messages } = useViewerConfig('ExportMenuItems')
  const result = useViewerResults('ExportMenuItems')
  const loaded = result.events.length
  const items = [
    { key: 'all', label: messages.exportScopeAll },
    { key: 'loaded', label: messages.exportScopeLoaded(loaded, formatNumber(loaded, format.locale)) },
  ] as const
  const list = useRef<HTMLDivElement>(null)
  const targets = (): HTMLElement[] => [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
  const popover = (): HTMLElement => list.current?.parentElement as HTMLElement

  useLayoutEffect(() => {
    const menu = popover()
    placeUnder(menu, menu.parentElement as HTMLElement, 'end')
    targets()[0]?.focus()
    // A menu left behind by a scroll or a resize would point at nothing: it closes instead.
    const close = (): void => menu.hidePopover()
    window.addEventListener('resize', close)
    window.addEventListener('scroll', close, true)
    return () => {
      window.removeEventListener('resize', close)
      window.removeEventListener('scroll', close, true)
    }
    // Placed and focused once per opening: the items are drawn only while the menu is open.
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const all = targets()
    const at = all.indexOf(document.activeElement as HTMLElement)
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[event.key]
    if (move !== undefined) {
      event.preventDefault()
      all[(move + all.length) % all.length]?.focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      popover().hidePopover()
      // The menu button is drawn right before its menu.
      ;(popover().previousElementSibling as HTMLElement | null)?.focus()
    } else if (event.key === 'Tab') {
      popover().hidePopover()
    }
  }

  return (
    <div ref={list} className="ral-menu-items" onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="ral-menu-item"
          onClick={() => {
            popover().hidePopover()
            onChoose(item.key)
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  )
}
