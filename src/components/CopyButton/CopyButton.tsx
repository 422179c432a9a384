import { useEffect, useState } from 'react'

import type { AuditLogsMessages } from '../../core/messages'

export interface CopyButtonProps {
  /** The text, or a function that makes it on the click (for a large value's JSON: nothing is built up front). */
  text: string | (() => string)
  /** What is copied, for the accessible name: "Copy ISO-8601". */
  label: string
  messages: Pick<AuditLogsMessages, 'copy' | 'copied' | 'copyFailed'>
  /** Visible text; defaults to "Copy". */
  children?: string
}

/** Copies text to the clipboard and says so. */
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
  const visible = state === 'copied' ? messages.copied : state === 'failed' ? messages.copyFailed : (children ?? messages.copy)
  return (
    <button type="button" className="ral-button ral-button--small ral-copy" aria-label={`${children ?? messages.copy}: ${label}`} onClick={copy}>
      <span aria-live="polite">{visible}</span>
    </button>
  )
}
