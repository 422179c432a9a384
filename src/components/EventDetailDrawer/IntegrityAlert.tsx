import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditLogsMessages } from '../../core/messages'
import type { AuditEvent } from '../../core/types'
import { useIntegrity } from '../../hooks/useIntegrity'
import { Icon } from '../Icon/Icon'

interface IntegrityAlertProps<TEvent extends AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  eventId: string
  tenantId: string | undefined
  messages: AuditLogsMessages
}

/**
 * At the top of the drawer, only for an altered event: what is shown below is not what was recorded. Shares the
 * Integrity section's query (same key), so it costs no second check.
 */
export function IntegrityAlert<TEvent extends AuditEvent>({ adapter, eventId, tenantId, messages }: IntegrityAlertProps<TEvent>) {
  const { report } = useIntegrity(adapter, { eventId }, tenantId)
  if (report?.event?.state !== 'altered') return null
  return (
    <p className="ral-integrity ral-integrity--alarm" role="alert">
      <Icon name="alert" />
      <span className="ral-integrity-text">
        <strong>{messages.integrityStateNames.altered}.</strong> {messages.integrityStates.altered}
      </span>
    </p>
  )
}
