import { useEffect, useState } from 'react'

import type { AuditLogsMessages } from '../../core/messages'
import { Icon } from '../Icon/Icon'

export interface CopyButtonProps {
  /** The text, or a function that makes it on the click (for a large value's JSON: nothing is built up front). */
  text: string | (() => string)
  /** The accessible name: "Copy Email". */
  label: string
  messages: Pick<AuditLogsMessages, 'copied' | 'copyFailed'>
  /** Visible text beside the icon ("Copy JSON"); without it the button is an icon with its name as a tooltip. */
  children?: string
}

/** Copies text to the clipboard and says so (politely, for screen readers too). */
export function CopyButton({ text, label, messages, children }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])

  const copy = (): void => {
    navigator.clipboard.writeText(typeof text === 'function' ? text() : text).then(
      () => setState('copied'),
      () => setState('failed'),
    )
  }
  const said = state === 'copied' ? messages.copied : state === 'failed' ? messages.copyFailed : ''
  return (
    <button
      type="button"
      className={children ? 'ral-text-button' : 'ral-icon-button'}
      aria-label={label}
      title={children ? undefined : label}
      data-state={state}
      onClick={copy}
    >
      <Icon name={state === 'copied' ? 'check' : state === 'failed' ? 'alert' : 'copy'} />
      {children ? <span aria-hidden="true">{said || children}</span> : null}
      <span className="ral-visually-hidden" aria-live="polite">
        {said}
      </span>
    </button>
  )
}
