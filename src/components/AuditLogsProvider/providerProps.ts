import type { ReactNode } from 'react'

import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditLogsMessages } from '../../core/messages'
import type { AuditEvent, AuditField, AuditSearch } from '../../core/types'
import type { AuditLogsPart } from './context'

export interface AuditLogsProviderProps<TEvent extends AuditEvent = AuditEvent> {
  /** Where events come from: `createMemoryAdapter`, `createFetchAdapter`, or your own. */
  adapter: AuditLogsAdapter<TEvent>
  /** The data structure (which fields exist, which are shown and which exported), when the host owns it. */
  fields?: readonly AuditField<TEvent>[]
  /**
   * The data structure when the viewer opens; edits in the settings panel and a configuration stored by
   * the adapter (`loadFieldConfig`) are laid over it. Defaults to the library's `defaultFields`.
   */
  defaultFields?: readonly AuditField<TEvent>[]
  /** Called with the new data structure when an admin changes it. */
  onFieldsChange?: (fields: readonly AuditField<TEvent>[]) => void
  /** IANA time zone (or `"UTC"`) for every time shown and every date range, when the host owns it. */
  timeZone?: string
  /** The zone when the viewer opens. Defaults to the user's zone. */
  defaultTimeZone?: string
  /** Called when the person picks another zone. */
  onTimeZoneChange?: (timeZone: string) => void
  /** BCP 47 locale for dates and numbers. Defaults to the user's locale. */
  locale?: string
  /** Events per request. Defaults to `50`. */
  pageSize?: number
  /**
   * Milliseconds an adapter call may take before the viewer gives up on it with a clear message and
   * Retry (the call's signal fires). Server exports (`exportCsv`) have no limit. `0` turns it off.
   * Defaults to `30000`.
   */
  requestTimeout?: number
  /**
   * The longest date range a search may span, in days. A longer range typed in is refused with a message;
   * one from the host or a link starts this long before its end instead, with a message. Defaults to
   * `3653` (ten years).
   */
  maxRangeDays?: number
  /**
   * The tenant (customer) whose log this is: passed to every adapter call and part of every cache key, so
   * two viewers for two tenants on one page never share data.
   */
  tenantId?: string
  /**
   * How events are told apart, when `id` is not enough: Kubernetes repeats `auditID` for each stage of a
   * request (`(event) => `${event.id}:${event.stage}``). Without it, events that repeat an id with other
   * content are kept as rows of their own and counted in a notice; exact copies are shown once. Defaults to `id`.
   */
  getId?: (event: TEvent) => string
  /** Overrides for any visible string. */
  messages?: Partial<AuditLogsMessages>
  /**
   * Called once for each failure the viewer shows (the list, an event, an export, saving the data
   * structure), with the error as the adapter gave it: the developer detail that people are not shown. In
   * development builds it is also written to the console.
   */
  onError?: (error: Error, details: { part: AuditLogsPart }) => void
  /** The search (range, text, filters, sort), when the host owns it. */
  search?: AuditSearch
  /** The search when the viewer opens. Defaults to everything, newest first. */
  defaultSearch?: AuditSearch
  /** Called when the person changes the search. */
  onSearchChange?: (search: AuditSearch) => void
  /** Polls for new events every this many milliseconds and offers "N new events" instead of moving the list. */
  refreshInterval?: number
  /** The id of the event open in the detail drawer (`null`: closed), when the host owns it. */
  openEventId?: string | null
  /** The event open when the viewer first renders. */
  defaultOpenEventId?: string | null
  /** Called when the drawer opens another event or closes (`null`). */
  onOpenEventChange?: (id: string | null) => void
  /**
   * Set this to `true` to keep the search and the open event in the page's query string, so a reload or a
   * shared link shows the same view. Give a `prefix` to keep two viewers' parameters apart. Defaults to `false`.
   */
  urlState?: boolean | { prefix: string }
  children?: ReactNode
}
