import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef } from 'react'

import { type AuditLogsAdapter, callOptions } from '../adapter/types'
import { validatePage } from '../adapter/validate'
import { type PagingStop, pagingStop } from '../core/paging'
import type { AuditEvent, AuditPage, AuditSearch } from '../core/types'
import { byId, type GetEventId } from '../core/eventId'
import { checkTotal, splitByRange } from '../core/verify'
import { chainKey, chainRows, createPageChain, firstProcessing, type PageChain } from './pageChain'
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
