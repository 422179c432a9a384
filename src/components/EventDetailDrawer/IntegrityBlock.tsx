import { useId } from 'react'

import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditLogsMessages } from '../../core/messages'
import type { AuditEvent } from '../../core/types'
import { useIntegrity } from '../../hooks/useIntegrity'
import { CopyButton } from '../CopyButton/CopyButton'

interface IntegrityBlockProps<TEvent extends AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  eventId: string
  tenantId: string | undefined
  messages: AuditLogsMessages
}

const TONE = { verified: 'success', altered: 'danger', unknown: 'warning', unchained: 'neutral' } as const

/**
 * The event's place in the log's hash chain: its state, sequence number and hash (copyable, for an auditor).
 * Open when the event was altered, so the reason is seen at once.
 */
export function IntegrityBlock<TEvent extends AuditEvent>({ adapter, eventId, tenantId, messages }: IntegrityBlockProps<TEvent>) {
  const id = useId()
  const { report, error } = useIntegrity(adapter, { eventId }, tenantId)
  const integrity = report?.event
  return (
    <details className="ral-drawer-section ral-integrity-block" open={integrity?.state === 'altered'}>
      <summary>
        <h3 id={id}>{messages.integrityHeading}</h3>
        {integrity ? <span className={`ral-badge ral-badge--${TONE[integrity.state]}`}>{messages.integrityStateNames[integrity.state]}</span> : null}
      </summary>
      {error ? (
        <p className="ral-muted">{messages.integrityFailed}</p>
      ) : !integrity ? (
        <p className="ral-muted">{messages.integrityChecking}</p>
      ) : (
        <dl className="ral-detail-list" aria-labelledby={id}>
          <div className="ral-detail-item">
            <dt>{messages.integrityState}</dt>
            <dd>
              <span className="ral-detail-text">{messages.integrityStates[integrity.state]}</span>
            </dd>
          </div>
          {integrity.seq === null ? null : (
            <div className="ral-detail-item">
              <dt>{messages.integritySeq}</dt>
              <dd>
                <span className="ral-detail-text ral-ltr">#{integrity.seq}</span>
              </dd>
            </div>
          )}
          {integrity.hash === null ? null : (
            <div className="ral-detail-item">
              <dt>{messages.integrityHash}</dt>
              <dd>
                <div className="ral-detail-value">
                  <code className="ral-detail-text ral-ltr ral-hash">{integrity.hash}</code>
                </div>
                <div className="ral-detail-actions">
                  <CopyButton text={integrity.hash} label={messages.copyValue(messages.integrityHash)} messages={messages} />
                </div>
              </dd>
            </div>
          )}
        </dl>
      )}
    </details>
  )
}
