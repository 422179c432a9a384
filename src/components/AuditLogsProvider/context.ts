import { createContext, type RefObject, useContext } from 'react'

import type { AuditLogsAdapter } from '../../adapter/types'
import type { FormatOptions } from '../../core/format'
import type { InputProblem } from '../../core/checkInput'
import type { ProvidedMessages } from '../../core/messages'
import type { AuditEvent, AuditField, AuditSearch } from '../../core/types'
import type { UseAuditEventsResult } from '../../hooks/useAuditEvents'
import type { UseFieldConfigResult } from '../../hooks/useFieldConfig'

export interface AuditLogsContextValue<TEvent extends AuditEvent = AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  fields: readonly AuditField<TEvent>[]
  /** Editing and saving the data structure. */
  fieldConfig: UseFieldConfigResult<TEvent>
  /** Locale and time zone for every date and number shown. */
  format: FormatOptions
  /** Every core message; the drawer and the settings panel add their own defaults (`useAllMessages`). */
  messages: ProvidedMessages
  pageSize: number
  /** The current search, shared by the table, the export and the filters. */
  search: AuditSearch
  setSearch: (update: (previous: AuditSearch) => AuditSearch) => void
  /** Applies a search as a step the browser's Back undoes (an investigation's moves). */
  pushSearch: (update: (previous: AuditSearch) => AuditSearch) => void
  /** Lays a saved view's columns over the data structure (`null`: its own columns again). */
  setColumns: (columns: { lay: ColumnsOverlay } | null) => void
  setTimeZone: (timeZone: string) => void
  /** Whether the host pinned the zone (`timeZone` without `onTimeZoneChange`): the picker is read-only. */
  timeZonePinned: boolean
  /** Polling interval for new events, in milliseconds. */
  refreshInterval: number | undefined
  /** The tenant, passed to every adapter call. */
  tenantId: string | undefined
  /** How events are told apart (the `getId` prop), for the export; `undefined`: by `id`. */
  getId: ((event: TEvent) => string) | undefined
  /** The longest range a search may span, in days. */
  maxRangeDays: number
  /** Milliseconds an adapter call may take. */
  requestTimeout: number
  /** Hands a failure the viewer shows to the host's `onError` (once per error). */
  reportError: (error: Error, part: AuditLogsPart) => void
  /** What the viewer corrected in the host's fields or search, to say so. */
  notices: readonly InputProblem[]
  /** The current search's loaded events, shared by the table and the detail drawer. */
  result: UseAuditEventsResult<TEvent>
  /** The event open in the detail drawer. */
  openEventId: string | null
  setOpenEventId: (id: string | null) => void
  /** Moves focus to an event's row, when the table shows it; set by the table, used by the drawer on close. */
  focusRowRef: RefObject<((id: string) => boolean) | null>
  /**
   * Puts a row at the top of the table and focuses it once its event is there ("Go to time"); set by the
   * table. The rows above it stay, reachable by scrolling up.
   */
  showRowRef: RefObject<((row: number) => void) | null>
}

/** A saved view's columns laid over the data structure: which fields are shown, in which order. */
export type ColumnsOverlay = <TField extends Pick<AuditField<never>, 'key' | 'shown'>>(fields: readonly TField[]) => readonly TField[]

/** The part of the viewer a failure happened in, for `onError`. */
export type AuditLogsPart = 'events' | 'event' | 'export' | 'field-config' | 'field-values' | 'timeline' | 'views'

export const AuditLogsContext = createContext<AuditLogsContextValue | null>(null)

/** The nearest `AuditLogsProvider`'s value; `part` names the caller in the error when there is none. */
export function useAuditLogsContext<TEvent extends AuditEvent = AuditEvent>(part: string): AuditLogsContextValue<TEvent> {
  const value = useContext(AuditLogsContext)
  if (!value) throw new Error(`\`${part}\` must be used within \`AuditLogsProvider\` (or \`AuditLogs\`).`)
  // The provider is generic over TEvent; React context is not, so the type is restored here.
  return value as unknown as AuditLogsContextValue<TEvent>
}
