import { type Context, createContext, type RefObject, useContext } from 'react'

import type { AuditLogsAdapter } from '../../adapter/types'
import type { FormatOptions } from '../../core/format'
import type { InputProblem } from '../../core/checkInput'
import type { ProvidedMessages } from '../../core/messages'
import type { AuditEvent, AuditField, AuditSearch } from '../../core/types'
import type { UseAuditEventsResult } from '../../hooks/useAuditEvents'
import type { UseFieldConfigResult } from '../../hooks/useFieldConfig'

// The viewer's state in scopes, each its own context with a value that changes only when its state does: a
// part reads the scopes it shows and re-renders for those alone (a scroll that loads pages changes the
// results, which no part of the command bar reads).

/** What configures the viewer: the host's props, the data structure, the words. Changes rarely. */
export interface ViewerConfig<TEvent extends AuditEvent = AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  fields: readonly AuditField<TEvent>[]
  /** Editing and saving the data structure. */
  fieldConfig: UseFieldConfigResult<TEvent>
  /** Locale and time zone for every date and number shown. */
  format: FormatOptions
  /** Every core message; the drawer and the settings panel add their own defaults (`useAllMessages`). */
  messages: ProvidedMessages
  pageSize: number
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
  /** Moves focus to an event's row, when the table shows it; set by the table, used by the drawer on close. */
  focusRowRef: RefObject<((id: string) => boolean) | null>
  /**
   * Puts a row at the top of the table and focuses it once its event is there ("Go to time"); set by the
   * table. The rows above it stay, reachable by scrolling up.
   */
  showRowRef: RefObject<((row: number) => void) | null>
  /** The latest results, for an action that reads them when it runs (an export of the loaded rows), not on render. */
  latestResultRef: RefObject<UseAuditEventsResult<TEvent>>
}

/** The applied search and its changes. */
export interface ViewerSearch {
  /** The current search, shared by the table, the export and the filters. */
  search: AuditSearch
  setSearch: (update: (previous: AuditSearch) => AuditSearch) => void
  /** Applies a search as a step the browser's Back undoes (an investigation's moves). */
  pushSearch: (update: (previous: AuditSearch) => AuditSearch) => void
  /** What the viewer corrected in the host's fields or search, to say so. */
  notices: readonly InputProblem[]
}

/** The results at a glance: what changes when a search starts, answers or ends, not with every page. */
export interface ViewerGlance {
  status: UseAuditEventsResult<AuditEvent>['status']
  /** Whether no event is held. */
  empty: boolean
  /** Whether no event is held and no page is to come: there is nothing to show. */
  nothing: boolean
}

/** The event open in the detail drawer. */
export interface ViewerSelection {
  openEventId: string | null
  setOpenEventId: (id: string | null) => void
}

/** Every scope at once, for the parts that show most of them (the table, the drawer). */
export type AuditLogsContextValue<TEvent extends AuditEvent = AuditEvent> = ViewerConfig<TEvent> &
  ViewerSearch &
  ViewerSelection & {
    /** The current search's loaded events, shared by the table and the detail drawer. */
    result: UseAuditEventsResult<TEvent>
  }

/** A saved view's columns laid over the data structure: which fields are shown, in which order. */
export type ColumnsOverlay = <TField extends Pick<AuditField<never>, 'key' | 'shown'>>(fields: readonly TField[]) => readonly TField[]

/** The part of the viewer a failure happened in, for `onError`. */
export type AuditLogsPart = 'events' | 'event' | 'export' | 'field-config' | 'field-values' | 'timeline' | 'views'

export const ConfigContext = createContext<ViewerConfig | null>(null)
export const SearchContext = createContext<ViewerSearch | null>(null)
export const ResultsContext = createContext<UseAuditEventsResult<AuditEvent> | null>(null)
export const GlanceContext = createContext<ViewerGlance | null>(null)
export const SelectionContext = createContext<ViewerSelection | null>(null)

/** A scope's value; `part` names the caller in the error when there is no provider. */
function useScope<T>(context: Context<T | null>, part: string): T {
  const value = useContext(context)
  if (!value) throw new Error(`\`${part}\` must be used within \`AuditLogsProvider\` (or \`AuditLogs\`).`)
  return value
}

// The provider is generic over TEvent; React context is not, so the type is restored by the readers.

/** The viewer's configuration. */
export const useViewerConfig = <TEvent extends AuditEvent = AuditEvent>(part: string): ViewerConfig<TEvent> =>
  useScope(ConfigContext, part) as unknown as ViewerConfig<TEvent>

/** The applied search. */
export const useViewerSearch = (part: string): ViewerSearch => useScope(SearchContext, part)

/** The loaded events: changes with every page, so only the parts that show rows read it. */
export const useViewerResults = <TEvent extends AuditEvent = AuditEvent>(part: string): UseAuditEventsResult<TEvent> =>
  useScope(ResultsContext, part) as unknown as UseAuditEventsResult<TEvent>

/** The results at a glance. */
export const useViewerGlance = (part: string): ViewerGlance => useScope(GlanceContext, part)

/** The open event. */
export const useViewerSelection = (part: string): ViewerSelection => useScope(SelectionContext, part)

/** Every scope, for a part that shows most of them: it re-renders when any of them changes. */
export function useAuditLogsContext<TEvent extends AuditEvent = AuditEvent>(part: string): AuditLogsContextValue<TEvent> {
  return {
    ...useViewerConfig<TEvent>(part),
    ...useViewerSearch(part),
    ...useViewerSelection(part),
    result: useViewerResults<TEvent>(part),
  }
}
