import { useId } from 'react'

import { AROUND_MINUTES, investigationMoves, type InvestigationMove } from '../../core/investigate'
import type { AuditLogsMessages } from '../../core/messages'
import type { AuditEvent, AuditSearch } from '../../core/types'
import { useViewerConfig, useViewerSearch } from '../AuditLogsProvider/context'

export interface InvestigationMovesProps<TEvent extends AuditEvent> {
  event: TEvent
  messages: AuditLogsMessages
  /** Called after a move applied (the drawer closes, so the list shows). */
  onMoved?: () => void
}

/**
 * One-step moves from an event: "Same actor", "Same resource", "± 5 min around this". Each is a step of the
 * browser's history, so Back returns to the search before it. Only the moves the event can make are offered.
 */
export function InvestigationMoves<TEvent extends AuditEvent>({ event, messages, onMoved }: InvestigationMovesProps<TEvent>) {
  const { adapter, fields, format } = useViewerConfig<TEvent>('InvestigationMoves')
  const { pushSearch } = useViewerSearch('InvestigationMoves')
  const hintId = useId()
  const moves = investigationMoves(event, fields, adapter, format.timeZone)
  const labels: Record<InvestigationMove, string> = {
    'same-actor': messages.sameActor,
    'same-resource': messages.sameResource,
    around: messages.aroundThis(AROUND_MINUTES),
  }
  const offered = (Object.keys(labels) as InvestigationMove[]).flatMap((move) => {
    const apply = moves[move]
    return apply ? [[move, apply] as const] : []
  })
  if (offered.length === 0) return null
  const go = (apply: (search: AuditSearch) => AuditSearch): void => {
    pushSearch(apply)
    onMoved?.()
  }
  return (
    <div className="ral-moves" role="group" aria-label={messages.investigateLabel} aria-describedby={hintId}>
      {offered.map(([move, apply]) => (
        <button key={move} type="button" className="ral-button ral-move" data-move={move} onClick={() => go(apply)}>
          {labels[move]}
        </button>
      ))}
      <span id={hintId} className="ral-visually-hidden">
        {messages.investigateHint}
      </span>
    </div>
  )
}
