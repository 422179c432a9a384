import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'

import { type AuditLogsAdapter, callOptions } from '../adapter/types'
import { validatePage } from '../adapter/validate'
import { type PagingStop, pagingStop } from '../core/paging'
import type { AuditEvent, AuditPage, AuditSearch } from '../core/types'
import { byId, type GetEventId, keyOf } from '../core/unseen'
import { checkTotal, splitByRange } from '../core/verify'
import { flattenPages } from './flattenPages'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'
import { useShallowMemo } from './useShallowMemo'

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
  /** Every loaded event, in order. */
  events: TEvent[]
  /**
   * The count of matching events, when the backend gives one that its delivered events do not contradict;
   * once every page is in, the delivered count.
   */
  total: number | undefined
  /** The backend's own `total`, when its delivered events contradicted it (and `total` was corrected). */
  reportedTotal: number | undefined
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
  /**
   * Set when loading stopped although the backend offered another page, because its paging cannot be trusted
   * (a cursor repeated, empty pages without end, more pages than its `total`): the list may be incomplete.
   */
  pagingStop: PagingStop | undefined
  /** Whether the error happened while loading a further page (the loaded events stay). */
  isFetchNextPageError: boolean
  /** Loads the next page; resolves to every loaded event afterwards. */
  fetchNextPage: () => Promise<TEvent[]>
  /** Tries again after an error. */
  retry: () => void
  /** Starts the search over from its first page (e.g. to show new events). */
  reload: () => void
}

/** A page as the viewer keeps it: the events inside the searched range, and how many were not. */
type CheckedPage<TEvent> = AuditPage<TEvent> & { outsideRange: number }

/** Why loading stopped although the backend offered another page (see `pagingStop`); `undefined` while it may go on. */
function stopOf(pages: readonly AuditPage[], cursors: readonly (string | undefined)[], pageSize: number): PagingStop | undefined {
  const next = pages.at(-1)?.nextCursor
  if (!next) return undefined
  let trailingEmptyPages = 0
  while (trailingEmptyPages < pages.length && pages[pages.length - 1 - trailingEmptyPages]?.events.length === 0) trailingEmptyPages += 1
  return pagingStop({ cursors, trailingEmptyPages, pages: pages.length, total: pages.at(-1)?.total, pageSize }, next)
}

/** The query key of a search, so hosts can invalidate it: `['react-audit-logs', adapter, 'events', …]`. */
export function auditEventsQueryKey(adapter: object, search: AuditSearch, pageSize: number, tenantId?: string): readonly unknown[] {
  return auditQueryKeys.events(adapter, tenantId, search, pageSize)
}

/**
 * Loads a search's events page by page through the adapter. Every page is checked, so a wrong response
 * shape becomes `error` instead of a crash; a superseded search's request is aborted.
 */
export function useAuditEvents<TEvent extends AuditEvent>(options: UseAuditEventsOptions<TEvent>): UseAuditEventsResult<TEvent> {
  const { adapter, search, pageSize = 50, enabled = true, tenantId, getId = byId } = options
  const query = useInfiniteQuery<
    CheckedPage<TEvent>,
    Error,
    InfiniteData<CheckedPage<TEvent>, string | undefined>,
    readonly unknown[],
    string | undefined
  >({
    queryKey: auditEventsQueryKey(adapter, search, pageSize, tenantId),
    queryFn: async ({ pageParam, signal }) => {
      const page = await adapter.listEvents(
        { ...search, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) },
        callOptions(signal, tenantId),
      )
      // The check proves the AuditEvent shape; TEvent's own fields are the adapter's promise.
      const checked = validatePage(page) as AuditPage<TEvent>
      const { inside, outside } = splitByRange(checked.events, search)
      return { ...checked, events: inside, outsideRange: outside }
    },
    initialPageParam: undefined,
    getNextPageParam: (last, pages, _cursor, cursors) => (stopOf(pages, cursors, pageSize) ? undefined : (last.nextCursor ?? undefined)),
    ...viewerQueryOptions,
    enabled,
  })

  const queryClient = useQueryClient()
  const { data, fetchNextPage, refetch, status, error, hasNextPage, isFetchingNextPage, isFetchNextPageError } = query
  const flat = useMemo(() => flattenPages(data?.pages ?? [], getId), [data, getId])
  const { events, seen } = flat
  const eventKey = useCallback((event: TEvent) => keyOf(seen, event, getId), [seen, getId])
  const stopped = useMemo(() => (data ? stopOf(data.pages, data.pageParams, pageSize) : undefined), [data, pageSize])
  const outsideRange = useMemo(() => data?.pages.reduce((sum, page) => sum + page.outsideRange, 0) ?? 0, [data])
  const complete = status === 'success' && !hasNextPage && !stopped
  // Merged copies were counted by the backend too: delivered, though shown once.
  const { total, contradicted: reportedTotal } = checkTotal(data?.pages.at(-1)?.total, events.length, outsideRange + seen.merged, complete)

  const actions = useMemo(
    () => ({
      // A call while the next page is already on its way joins that request instead of cancelling it and
      // asking again (a scroll and a render can both ask before React Query's state says it is loading).
      fetchNextPage: async () => flattenPages((await fetchNextPage({ cancelRefetch: false })).data?.pages ?? [], getId).events,
      retry: () => void (isFetchNextPageError ? fetchNextPage() : refetch()),
      reload: () => void queryClient.resetQueries({ queryKey: auditEventsQueryKey(adapter, search, pageSize, tenantId), exact: true }),
    }),
    [fetchNextPage, refetch, isFetchNextPageError, queryClient, adapter, search, pageSize, tenantId, getId],
  )
  return useShallowMemo({
    events,
    eventKey,
    mergedCopies: seen.merged,
    repeatedIds: seen.repeated,
    total,
    reportedTotal,
    outsideRange,
    status,
    error,
    hasNextPage,
    isFetchingNextPage,
    isFetchNextPageError,
    pagingStop: stopped,
    ...actions,
  })
}
