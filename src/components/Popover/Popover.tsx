import { type ComponentPropsWithRef, type ReactNode, type ToggleEvent, useCallback, useEffect, useId, useState } from 'react'
import { placeUnder } from './placeUnder'

/** Props of a popover's button a host may pass (the parts that open a panel); what opens the panel is the part's. */
export type PopoverButtonProps = Omit<
  ComponentPropsWithRef<'button'>,
  'children' | 'type' | 'popoverTarget' | 'popoverTargetAction' | 'onPointerOverCapture' | 'onFocusCapture'
>

export interface PopoverProps extends PopoverButtonProps {
  /** What the button shows. */
  label: ReactNode
  /** The panel's accessible name. */
  title: string
  /** The button's accessible name when its text alone does not say enough ("Date range: Last 7 days"). */
  accessibleName?: string
  /** Called when the button is pointed at or focused: the place to start loading the panel's code. */
  onPreload?: () => void
  /**
   * The panel's content, drawn only while it is open (so it starts from the applied state each time), or, with
   * `keepMounted`, from its first opening on (so what was typed in it and not applied yet is kept).
   */
  children: (close: () => void) => ReactNode
  keepMounted?: boolean
}

/**
 * A button that opens a panel below it: the platform's `popover` (top layer, Escape and a click outside
 * close it, focus returns to the button), placed under its button in either writing direction. On a small
 * screen the stylesheet makes it a sheet at the bottom.
 */
export function Popover({ label, title, accessibleName, className, onPreload, children, keepMounted, ref, ...buttonProps }: PopoverProps) {
  const id = useId()
  // The panel in state, not a ref: `close` is handed to the content while it is drawn.
  const [panel, setPanel] = useState<HTMLDivElement | null>(null)
  const [open, setOpen] = useState(false)
  const [opened, setOpened] = useState(false)
  const close = useCallback(() => panel?.hidePopover(), [panel])

  useEffect(() => {
    // The button is drawn right before its panel; the host's `ref` is the button's own.
    const button = panel?.previousElementSibling
    if (!open || !panel || !button) return
    const place = (): void => placeUnder(panel, button, 'start')
    place()
    // Placed in the next frame: moving the panel can change its width, which would loop within this one.
    const observer = new ResizeObserver(() => requestAnimationFrame(place))
    observer.observe(panel)
    window.addEventListener('resize', place)
    window.addEventListener('scroll', place, true)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', place)
      window.removeEventListener('scroll', place, true)
    }
  }, [open, panel])

  return (
    <>
      <button
        aria-label={accessibleName}
        {...buttonProps}
        ref={ref}
        type="button"
        className={['ral-button ral-bar-button', className].filter(Boolean).join(' ')}
        popoverTarget={id}
        aria-expanded={open}
        aria-haspopup="dialog"
        // In the capture phase, so the host's own onPointerOver/onFocus pass through untouched.
        onPointerOverCapture={onPreload}
        onFocusCapture={onPreload}
      >
        {label}
      </button>
      <div
        ref={setPanel}
        id={id}
        popover="auto"
        role="dialog"
        aria-label={title}
        className="ral-popover"
        onToggle={(event: ToggleEvent<HTMLDivElement>) => {
          setOpen(event.newState === 'open')
          if (event.newState === 'open') setOpened(true)
        }}
      >
        {open || (keepMounted && opened) ? children(close) : null}
      </div>
    </>
  )
}
