import type { AuditLogsAdapter } from '../adapter/types'
import type { GetEventId } from '../core/eventId'
import type { PagingStop } from '../core/paging'
import type { AuditEvent, AuditSearch } from '../core/types'

// What `useAuditEvents` is given and what it gives: the shape a headless host programs against.

export interface UseAuditEventsOptions<TEvent extends AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  search: AuditSearch
  /** Events per request. Defaults to `50`. */
  pageSize?: number
  /** Set this to `false` to not fetch (e.g. without permission). Defaults to `true`. */
  enabled?: boolean
  /** The tenant: passed to every adapter call and part of the cache key. */
  tenantId?: string | undefined
  /** How events are told apart; defaults to their `id`. */
  getId?: GetEventId<TEvent> | undefined
}

export interface UseAuditEventsResult<TEvent extends AuditEvent> {
  /**
   * The events held, in order: the rows from `offset` on. The viewer holds a window of pages around what is
   * visible (about `EVENTS_HELD` events) and fetches a dropped page again when it is scrolled back to.
   */
  events: TEvent[]
  /** The row of `events[0]`: how many rows come before the events held. */
  offset: number
  /** Rows loaded so far, held or not: the rows the table has. */
  rowCount: number
  /** Whether a page fetched again held other events than before: the log changed while it was read. */
  logChanged: boolean
  /**
   * The count of matching events, when the backend gives one that its delivered events do not contradict;
   * once every page is in, the delivered count.
   */
  total: number | undefined
  /** The backend's own `total`, when its delivered events contradicted it (and `total` was corrected). */
  reportedTotal: number | undefined
  /**
   * At least this many events match (the backend's `totalAtLeast`, never below the rows delivered), when it
   * stopped counting and there is no `total`.
   */
  totalAtLeast: number | undefined
  /** Events the backend sent that lie outside the searched range: left out, as no matches. */
  outsideRange: number
  /** Exact copies of events already loaded (overlapping pages, a backend sending one twice): shown once. */
  mergedCopies: number
  /** Events that repeat another's identity with other content: kept, each a row of its own. */
  repeatedIds: number
  /** The key of a loaded event (its identity, or for a repeated identity one of its own): rows and the open event use it. */
  eventKey: (event: TEvent) => string
  status: 'pending' | 'error' | 'success'
  error: Error | null
  hasNextPage: boolean
  isFetchingNextPage: boolean
  /** Whether rows before the events held were dropped, and can be fetched again (`fetchPreviousPage`). */
  hasPreviousPage: boolean
  isFetchingPreviousPage: boolean
  /**
   * Set when loading stopped although the backend offered another page, because its paging cannot be trusted
   * (a cursor repeated, empty pages without end, more pages than its `total`): the list may be incomplete.
   */
  pagingStop: PagingStop | undefined
  /** Whether the error happened while loading a further page (the loaded events stay). */
  isFetchNextPageError: boolean
  /** Loads the next page; resolves to the events held afterwards. */
  fetchNextPage: () => Promise<TEvent[]>
  /** Fetches again the page before the events held. */
  fetchPreviousPage: () => Promise<void>
  /** Holds the page of a row far from the events held: fetched by its kept cursor, without the pages between. */
  jumpToRow: (row: number) => Promise<void>
  /** Loads pages until the rows reach `row` ("Go to time"); `false` if the log ends, a page fails, the search changes or `signal` fires. */
  loadThroughRow: (row: number, signal?: AbortSignal) => Promise<boolean>
  /** Tries again after an error. */
  retry: () => void
  /** Starts the search over from its first page (e.g. to show new events). */
  reload: () => void
}
