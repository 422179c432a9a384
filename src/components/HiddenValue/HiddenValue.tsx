import { createContext, use, useState } from 'react'

import { revealHidden, toPrettyJson } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import type { SensitiveKind } from '../../core/sensitive'
import { HiddenValueText } from './HiddenValueText'

/** What the drawer offers for hidden values of its event: a reveal of one path, and the words for it. */
export interface Revealer {
  reveal: (path: string) => Promise<unknown>
  messages: Pick<AuditLogsMessages, 'reveal' | 'revealLabel' | 'revealFailed'>
}

/** Set by the drawer for a person allowed to reveal (`canReveal`) when the adapter can (`revealValue`). */
export const RevealContext = createContext<Revealer | null>(null)

type State = { status: 'hidden' | 'revealing' | 'failed' } | { status: 'shown'; value: unknown }

/**
 * A hidden value in the drawer: its placeholder and, where a reveal is offered, a Reveal button that asks the
 * backend for this one value (which records the reveal) and shows it in place, as text.
 */
export function HiddenField({ kind, path, label }: { kind: SensitiveKind; path: string; label: string }) {
  const revealer = use(RevealContext)
  const [state, setState] = useState<State>({ status: 'hidden' })
  if (state.status === 'shown') {
    const { value } = state
    const text = typeof value === 'object' && value !== null ? toPrettyJson(value) : String(value)
    return <span className="ral-detail-text ral-revealed-value">{revealHidden(text)}</span>
  }
  return (
    <span className="ral-hidden-field">
      <HiddenValueText kind={kind} />
      {revealer ? (
        <button
          type="button"
          className="ral-button ral-button--small"
          aria-label={revealer.messages.revealLabel(label)}
          disabled={state.status === 'revealing'}
          onClick={() => {
            setState({ status: 'revealing' })
            revealer.reveal(path).then(
              (value) => setState({ status: 'shown', value }),
              () => setState({ status: 'failed' }),
            )
          }}
        >
          {revealer.messages.reveal}
        </button>
      ) : null}
      {state.status === 'failed' && revealer ? (
        <span className="ral-muted" role="alert">
          {revealer.messages.revealFailed}
        </span>
      ) : null}
    </span>
  )
}
