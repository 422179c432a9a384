import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef } from 'react'

import { callOptions } from '../adapter/types'
import { validatePage } from '../adapter/validate'
import { type PagingStop, pagingStop } from '../core/paging'
import type { UseAuditEventsOptions, UseAuditEventsResult } from './auditEventsResult'
import type { AuditEvent, AuditPage } from '../core/types'
import { byId } from '../core/eventId'
import { checkTotal, splitByRange } from '../core/verify'
import { chainKey, chainRows, createPageChain, firstProcessing, type PageChain } from './pageChain'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'
import { useShallowMemo } from './useShallowMemo'

export type { UseAuditEventsOptions, UseAuditEventsResult } from './auditEventsResult'

/** A page as the viewer keeps it: its rows (inside the searched range, each event once), and where it sits. */
type CheckedPage<TEvent> = AuditPage<TEvent> & { index: number; chain: PageChain; inside: number }

/** Where a page is fetched from: its place in the chain and its cursor; the first page starts a new chain. */
interface PageParam {
  index: number
  cursor: string | undefined
  chain?: PageChain
}

const FIRST_PAGE: PageParam = { index: 0, cursor: undefined }

/**
 * Events the viewer holds in memory, about: the pages of a window around what is visible. Pages farther away
 * are dropped and fetched again when scrolled back to, so a log of a million events keeps memory flat.
 */
export const EVENTS_HELD = 2_000

/** Pages held for a page size: enough for `EVENTS_HELD` events, and never fewer than four. */
export const pagesHeld = (pageSize: number): number => Math.max(4, Math.ceil(EVENTS_HELD / pageSize))

/** Why loading stopped although the backend offered another page (see `pagingStop`); `undefined` while it may go on. */
function stopOf(last: CheckedPage<AuditEvent>): PagingStop | undefined {
  const { chain, index, nextCursor } = last
  // Only the chain's newest page decides: a page fetched again further back says nothing new.
  if (!nextCursor || index !== chain.counts.length - 1) return undefined
  let trailingEmptyPages = 0
  while (trailingEmptyPages <= index && chain.inside[index - trailingEmptyPages] === 0) trailingEmptyPages += 1
  return pagingStop({ cursors: chain.cursors, trailingEmptyPages }, nextCursor)
}

/**
 * Loads a search's events page by page through the adapter. Every page is checked, so a wrong response
 * shape becomes `error` instead of a crash; a superseded search's request is aborted.
 */
export function useAuditEvents<TEvent extends AuditEvent>(options: UseAuditEventsOptions<TEvent>): UseAuditEventsResult<TEvent> {
  const { adapter, search, pageSize = 50, enabled = true, tenantId, getId = byId } = options
  const keep = pagesHeld(pageSize)
  const key = useMemo(() => auditQueryKeys.events(adapter, tenantId, search, pageSize), [adapter, search, pageSize, tenantId])
  const loadPage = useCallback(
    async (pageParam: PageParam, signal: AbortSignal): Promise<CheckedPage<TEvent>> => {
      const { index, cursor } = pageParam
      const page = await adapter.listEvents({ ...search, limit: pageSize, ...(cursor ? { cursor } : {}) }, callOptions(signal, tenantId))
      // The check proves the AuditEvent shape; TEvent's own fields are the adapter's promise. Each page is
      // checked and de-duplicated here, once, when it arrives.
      const checked = validatePage(page) as AuditPage<TEvent>
      const { inside, outside } = splitByRange(checked.events, search)
      const chain = pageParam.chain ?? createPageChain()
      const first = index >= chain.counts.length
      if (first) {
        chain.outsideRange += outside
        chain.inside[index] = inside.length
      }
      // Most logs are read within the pages held: what a deeper one needs loads when it first goes that deep.
      const rows =
        first && index < keep
          ? firstProcessing(chain, index, inside, getId, cursor)
          : (await import('./pageWindow')).processPage(chain, index, cursor, inside, getId, keep)
      return { ...checked, events: rows, index, chain, inside: inside.length }
    },
    [adapter, search, pageSize, tenantId, getId, keep],
  )
  const query = useInfiniteQuery<CheckedPage<TEvent>, Error, InfiniteData<CheckedPage<TEvent>, PageParam>, readonly unknown[], PageParam>({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => loadPage(pageParam, signal),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) =>
      stopOf(last) || !last.nextCursor ? undefined : { index: last.index + 1, cursor: last.nextCursor, chain: last.chain },
    getPreviousPageParam: (first) =>
      first.index === 0 ? undefined : { index: first.index - 1, cursor: first.chain.cursors[first.index - 1], chain: first.chain },
    maxPages: keep,
    ...viewerQueryOptions,
    enabled,
  })

  const queryClient = useQueryClient()
  const jumping = useRef(false)
  const currentKey = useRef(key) // a walk for an earlier search stops instead of paging through this one
  useEffect(() => {
    currentKey.current = key
  }, [key])
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
  const pages = data?.pages
  // The rows of the pages held: a concatenation, as each page was de-duplicated when it arrived.
  const events = useMemo(() => (pages ?? []).flatMap((page) => page.events), [pages])
  const chain = pages?.[0]?.chain
  const offset = pages?.[0] ? (chain?.starts[pages[0].index] ?? 0) : 0
  const rowCount = chain ? chainRows(chain) : 0
  const newest = pages?.at(-1)
  const atFrontier = newest !== undefined && newest.index === newest.chain.counts.length - 1
  const eventKey = useCallback((event: TEvent) => (chain ? chainKey(chain, event, getId) : getId(event)), [chain, getId])
  const stopped = newest ? stopOf(newest) : undefined
  const outsideRange = chain?.outsideRange ?? 0
  const merged = chain?.merged ?? 0
  const complete = status === 'success' && atFrontier && !hasNextPage && !stopped
  // Merged copies were counted by the backend too: delivered, though shown once.
  const { total, contradicted: reportedTotal } = checkTotal(atFrontier ? newest.total : undefined, rowCount, outsideRange + merged, complete)
  const bound = total === undefined && atFrontier ? newest.totalAtLeast : undefined
  const totalAtLeast = bound === undefined ? undefined : Math.max(bound, rowCount)

  const actions = useMemo(
    () => ({
      // A call while the next page is already on its way joins that request instead of cancelling it and
      // asking again (a scroll and a render can both ask before React Query's state says it is loading).
      fetchNextPage: async () => ((await fetchNextPage({ cancelRefetch: false })).data?.pages ?? []).flatMap((page) => page.events),
      fetchPreviousPage: async () => {
        await fetchPreviousPage({ cancelRefetch: false })
      },
      retry: () => void (isFetchNextPageError ? fetchNextPage() : refetch()),
      reload: () => void queryClient.resetQueries({ queryKey: key, exact: true }),
      // A row far from the pages held (the scroll bar dragged, Home pressed deep in the log): its page is fetched
      // by the cursor the chain kept, and becomes the one page held, instead of walking back page by page.
      jumpToRow: async (row: number) => {
        if (jumping.current) return
        jumping.current = true
        try {
          await (await import('./pageWindow')).jumpToRow(queryClient, key, row, loadPage)
        } finally {
          jumping.current = false
        }
      },
      loadThroughRow: async (row: number, signal?: AbortSignal) =>
        (await import('./pageWindow')).loadThroughRow(
          queryClient,
          key,
          row,
          keep,
          () => currentKey.current === key && !signal?.aborted,
          () => fetchNextPage({ cancelRefetch: false }),
        ),
    }),
    [fetchNextPage, fetchPreviousPage, refetch, isFetchNextPageError, queryClient, key, loadPage, keep],
  )
  return useShallowMemo({
    events,
    offset,
    rowCount,
    logChanged: chain?.changed ?? false,
    eventKey,
    mergedCopies: merged,
    repeatedIds: chain?.repeated ?? 0,
    total,
    reportedTotal,
    totalAtLeast,
    outsideRange,
    status,
    error,
    hasNextPage,
    isFetchingNextPage,
    isFetchingPreviousPage,
    hasPreviousPage: offset > 0,
    isFetchNextPageError,
    pagingStop: stopped,
    ...actions,
  })
}
