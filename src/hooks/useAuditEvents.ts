import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useMemo } from 'react'

import { callOptions } from '../adapter/types'
import type { UseAuditEventsOptions, UseAuditEventsResult } from './auditEventsResult'
import type { AuditEvent } from '../core/types'
import { byId } from '../core/eventId'
import { type ArrivedPage, arrive, EventWindow, loadRevisit, type PageParam } from '../window/eventWindow'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'
import { useShallowMemo } from './useShallowMemo'

export type { UseAuditEventsOptions, UseAuditEventsResult } from './auditEventsResult'

/**
 * Events the viewer holds in memory, about: the pages of a window around what is visible. Pages farther away
 * are dropped and fetched again when scrolled back to, so a log of a million events keeps memory flat.
 */
export const EVENTS_HELD = 2_000

/** Pages held for a page size: enough for `EVENTS_HELD` events, and never fewer than four. */
export const pagesHeld = (pageSize: number): number => Math.max(4, Math.ceil(EVENTS_HELD / pageSize))

/** Before a search's first page: a window of no pages, to view. */
const NO_WINDOW = new EventWindow(byId, 0)

/**
 * Loads a search's events page by page through the adapter: React Query fetches (cache, retries, aborts), the
 * search's `EventWindow` owns what the pages mean. Every page is checked, so a wrong response shape becomes
 * `error` instead of a crash; a superseded search's request is aborted.
 */
export function useAuditEvents<TEvent extends AuditEvent>(options: UseAuditEventsOptions<TEvent>): UseAuditEventsResult<TEvent> {
  const { adapter, search, pageSize = 50, enabled = true, tenantId, getId = byId } = options
  const keep = pagesHeld(pageSize)
  const key = useMemo(() => auditQueryKeys.events(adapter, tenantId, search, pageSize), [adapter, search, pageSize, tenantId])
  const loadPage = useCallback(
    async (param: PageParam<TEvent>, signal: AbortSignal): Promise<ArrivedPage<TEvent>> => {
      const { index, cursor } = param
      const page = await adapter.listEvents({ ...search, limit: pageSize, ...(cursor ? { cursor } : {}) }, callOptions(signal, tenantId))
      // Most logs are read within the pages held: what a page seen before or a deeper one needs loads when first needed.
      if (index >= keep || index < (param.window?.chain.counts.length ?? 0)) await loadRevisit()
      return arrive(param, page, search, getId, keep)
    },
    [adapter, search, pageSize, tenantId, getId, keep],
  )
  const query = useInfiniteQuery<
    ArrivedPage<TEvent>,
    Error,
    InfiniteData<ArrivedPage<TEvent>, PageParam<TEvent>>,
    readonly unknown[],
    PageParam<TEvent>
  >({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => loadPage(pageParam, signal),
    initialPageParam: { index: 0, cursor: undefined },
    // The window takes a page in when the query holds it, never inside a fetch whose answer may yet be dropped.
    getNextPageParam: (last, pages) => last.window.next(pages),
    getPreviousPageParam: (first) => first.window.previous(first),
    maxPages: keep,
    ...viewerQueryOptions,
    enabled,
  })

  const queryClient = useQueryClient()
  const {
    data,
    fetchNextPage,
    fetchPreviousPage,
    refetch,
    status,
    error,
    hasNextPage,
    isFetchingNextPage,
    isFetchingPreviousPage,
    isFetchNextPageError,
  } = query
  const eventWindow = data?.pages[0]?.window
  const view = useMemo(
    () => (eventWindow ?? (NO_WINDOW as unknown as EventWindow<TEvent>)).view(data?.pages ?? [], status === 'success'),
    [eventWindow, data, status],
  )

  const actions = useMemo(() => {
    // What a jump and "Go to time" need, given once to the code they load.
    const lazy = { client: queryClient, key, keep, loadPage, next: () => fetchNextPage({ cancelRefetch: false }) }
    return {
      // A call while the next page is already on its way joins that request instead of cancelling it and
      // asking again (a scroll and a render can both ask before React Query's state says it is loading).
      fetchNextPage: async () => {
        const pages = (await lazy.next()).data?.pages ?? []
        return pages[0]?.window.view(pages, true).events ?? []
      },
      fetchPreviousPage: async () => {
        await fetchPreviousPage({ cancelRefetch: false })
      },
      retry: () => void (isFetchNextPageError ? fetchNextPage() : refetch()),
      reload: () => void queryClient.resetQueries({ queryKey: key, exact: true }),
      // A row far from the pages held (the scroll bar dragged, Home pressed deep in the log): its page is fetched
      // by the cursor the window kept, and becomes the one page held, instead of walking back page by page.
      jumpToRow: async (row: number) => (await loadRevisit()).jumpToRow<EventWindow<TEvent>>(lazy, row),
      loadThroughRow: async (row: number, signal?: AbortSignal) => (await loadRevisit()).loadThroughRow<EventWindow<TEvent>>(lazy, row, signal),
    }
  }, [fetchNextPage, fetchPreviousPage, refetch, isFetchNextPageError, queryClient, key, loadPage, keep])
  return useShallowMemo({
    ...view,
    eventKey: eventWindow?.key ?? getId,
    status,
    error,
    hasNextPage,
    isFetchingNextPage,
    isFetchingPreviousPage,
    hasPreviousPage: view.offset > 0,
    isFetchNextPageError,
    ...actions,
  })
}
