import type { FormatOptions } from '../../core/format'
import type { ProvidedMessages } from '../../core/messages'
import type { AuditEvent, AuditField, AuditSearch } from '../../core/types'
import type { UseAuditEventsResult } from '../../hooks/useAuditEvents'
import { useAuditLogsContext } from './context'

export interface UseAuditLogsResult<TEvent extends AuditEvent = AuditEvent> {
  /** The applied search; change it with `setSearch`, from the latest search (changes never race). */
  search: AuditSearch
  setSearch: (update: (previous: AuditSearch) => AuditSearch) => void
  /** The loaded events of the search, with status, total, paging and retry. */
  result: UseAuditEventsResult<TEvent>
  /** The data structure as the viewer uses it (the stored one laid over the host's). */
  fields: readonly AuditField<TEvent>[]
  /** Locale and time zone for what a part shows. */
  format: FormatOptions
  messages: ProvidedMessages
  openEventId: string | null
  setOpenEventId: (id: string | null) => void
  tenantId: string | undefined
}

/**
 * The viewer's state for a part the host writes itself, inside `AuditLogsProvider` (or `AuditLogs`'s
 * `CommandBar` children): read the search and the results, change the search, open an event.
 */
export function useAuditLogs<TEvent extends AuditEvent = AuditEvent>(): UseAuditLogsResult<TEvent> {
  const { search, setSearch, result, fields, format, messages, openEventId, setOpenEventId, tenantId } = useAuditLogsContext<TEvent>('useAuditLogs')
  return { search, setSearch, result, fields, format, messages, openEventId, setOpenEventId, tenantId }
}
