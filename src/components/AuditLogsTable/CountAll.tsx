import type { AuditLogsAdapter } from '../../adapter/types'
import type { CoreMessages } from '../../core/messages'
import type { AuditSearch } from '../../core/types'
import { useExactCount } from '../../hooks/useExactCount'

interface CountAllProps {
  /** The bounded count as the viewer says it ("10,000+ events"). */
  bound: string
  messages: CoreMessages
  format: (count: number) => string
  adapter: AuditLogsAdapter
  search: AuditSearch
  tenantId: string | undefined
}

/**
 * A bounded count with "Count all" beside it, which asks the adapter for the exact number and then shows it.
 * Loaded only when a backend stopped counting (see `ResultCount`).
 */
export function CountAll({ bound, messages, format, adapter, search, tenantId }: CountAllProps) {
  const exact = useExactCount(adapter, search, tenantId)
  if (exact.count !== undefined) {
    return (
      <p className="ral-count-text" role="status">
        {messages.eventCount(exact.count, format(exact.count))}
      </p>
    )
  }
  const note = exact.isCounting ? ` · ${messages.counting}` : exact.error ? ` · ${messages.countFailed}` : ''
  return (
    <>
      <p className="ral-count-text" role="status">
        {bound + note}
      </p>
      <button type="button" className="ral-text-button ral-count-all" onClick={exact.request} disabled={exact.isCounting}>
        {messages.countAll}
      </button>
    </>
  )
}
