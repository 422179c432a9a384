import { type KeyboardEvent, Suspense, type ToggleEvent, useId, useRef, useState } from 'react'

import type { ExportMenuItem } from './ExportMenu'
import { ExportMenuItems } from './lazyParts'

export interface SplitMenuButtonProps {
  /** The main button's text; a click does the default action. */
  label: string
  /** The menu button's accessible name ("Rows to download"). */
  menuLabel: string
  items: readonly ExportMenuItem[]
  onAction: () => void
  onChoose: (key: string) => void
  /** The id of why nothing can be done, when it cannot: both buttons stay focusable (so it can be read) and do nothing. */
  unavailable?: string | undefined
  /** Hidden but still taking its place (an export runs and its Cancel covers it). */
  covered: boolean
}

/**
 * A primary button with a menu of alternatives beside it (WAI-ARIA menu button): Enter, Space or ArrowDown
 * open the menu on its first item, ArrowUp on its last. The menu is the platform's popover: the top layer (no
 * ancestor's overflow clips it), closed by a click outside or Escape.
 */
export function SplitMenuButton({ label, menuLabel, items, onAction, onChoose, unavailable, covered }: SplitMenuButtonProps) {
  const id = `${useId()}-menu`
  const toggle = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const [open, setOpen] = useState(false)

  const onToggleKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    // The menu opens on its last item after ArrowUp (read and cleared by the items when they are drawn).
    if (event.key === 'ArrowUp') menu.current?.setAttribute('data-start', 'last')
    if (!unavailable) menu.current?.showPopover()
  }

  return (
    <div className="ral-split" inert={covered}>
      <button
        type="button"
        className="ral-button ral-button--primary ral-split-main"
        onClick={unavailable ? undefined : onAction}
        aria-disabled={unavailable ? true : undefined}
        aria-describedby={unavailable}
      >
        {label}
      </button>
      <button
        ref={toggle}
        type="button"
        className="ral-button ral-button--primary ral-split-toggle"
        aria-label={menuLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        aria-disabled={unavailable ? true : undefined}
        aria-describedby={unavailable}
        popoverTarget={unavailable ? undefined : id}
        onKeyDown={onToggleKey}
      >
        <span className="ral-split-chevron" aria-hidden="true" />
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        role="menu"
        aria-label={menuLabel}
        className="ral-menu"
        onToggle={(event: ToggleEvent<HTMLDivElement>) => setOpen(event.newState === 'open')}
      >
        {open ? (
          <Suspense fallback={null}>
            <ExportMenuItems items={items} onChoose={onChoose} onEscape={() => toggle.current?.focus()} />
          </Suspense>
        ) : null}
      </div>
    </div>
  )
}
