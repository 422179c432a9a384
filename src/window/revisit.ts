import type { AuditEvent } from '../core/types'
import type { GetEventId } from '../core/eventId'
import { chainRows, firstProcessing, type PageChain } from './pageChain'

// What a log deeper than the pages held needs: a page fetched again, pages let go, the page of a row far away.
// Loaded when a log first goes that deep (most are read within the pages held), or on a jump or a walk.

/** Lets go of the events of pages that can no longer be held: those `keep` pages or more away from `index`. */
export function release(chain: PageChain, index: number, keep: number): void {
  for (const [page, ids] of chain.held) {
    if (Math.abs(page - index) < keep) continue
    for (const id of ids) {
      const identity = chain.seen.get(id)
      if (identity?.page === page) identity.versions = undefined
    }
    chain.held.delete(page)
  }
}

/** A page fetched again (scrolled back to after it was dropped): its first processing's decisions, applied. */
export function againProcessing<TEvent extends AuditEvent>(
  chain: PageChain,
  index: number,
  events: readonly TEvent[],
  getId: GetEventId<TEvent>,
): TEvent[] {
  const decisions = chain.decisions.get(index)
  const ids = events.map((event) => getId(event))
  const same = decisions
    ? ids.length === decisions.ids.length && ids.every((id, position) => id === decisions.ids[position])
    : ids.every((id) => chain.seen.get(id)?.page === index)
  if (!same) chain.changed = true
  const rows: TEvent[] = []
  const held: string[] = []
  events.forEach((event, position) => {
    if (decisions?.merged.has(position)) return
    const key = decisions?.keys.get(position)
    if (key !== undefined) chain.keys.set(event, key)
    const identity = chain.seen.get(ids[position] as string)
    if (identity?.page === index && key === undefined) {
      identity.versions = [event]
      held.push(ids[position] as string)
    }
    rows.push(event)
  })
  chain.held.set(index, held)
  // The page keeps the rows it had: a log that changed is said so (`changed`), not shifted under the reader.
  const count = chain.counts[index] ?? rows.length
  return rows.length > count ? rows.slice(0, count) : rows
}

/**
 * Processes one page of a chain: its first time, the events become rows (exact copies of an event seen before
 * merged, repeats of an identity with other content kept under keys of their own); a page fetched again gets
 * the same rows. `keep` is how many pages the viewer holds: the events of pages farther away are let go.
 */
export function processPage<TEvent extends AuditEvent>(
  chain: PageChain,
  index: number,
  cursor: string | undefined,
  events: readonly TEvent[],
  getId: GetEventId<TEvent>,
  keep: number,
): TEvent[] {
  let rows: TEvent[]
  if (index >= chain.counts.length) rows = firstProcessing(chain, index, events, getId, cursor)
  else {
    chain.cursors[index] = cursor
    rows = againProcessing(chain, index, events, getId)
  }
  release(chain, index, keep)
  return rows
}

/** The page a row belongs to (a binary search over the pages' starts). */
export function pageAtRow(chain: PageChain, row: number): number {
  let low = 0
  let high = chain.starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >>> 1
    if ((chain.starts[middle] ?? 0) <= row) low = middle
    else high = middle - 1
  }
  return Math.max(0, low)
}

/** A window of pages, as the query holding it sees it. */
interface HeldWindow {
  readonly chain: PageChain
}

/**
 * What a jump or a walk needs of the query that holds a search's pages: its client (React Query's, by the few
 * calls used here), its key, and its fetches. Given by `useAuditEvents`.
 */
export interface WindowQuery<TWindow extends HeldWindow> {
  client: {
    getQueryData: (key: readonly unknown[]) => unknown
    setQueryData: (key: readonly unknown[], data: { pages: unknown[]; pageParams: unknown[] }) => unknown
    cancelQueries: (filters: { queryKey: readonly unknown[]; exact: true }) => Promise<void>
    getQueryCache: () => { find: (filters: { queryKey: readonly unknown[]; exact: true }) => { isActive: () => boolean } | undefined }
  }
  key: readonly unknown[]
  keep: number
  loadPage: (param: { index: number; cursor: string | undefined; window: TWindow }, signal: AbortSignal) => Promise<unknown>
  next: () => Promise<{ isError: boolean; hasNextPage: boolean }>
}

const windowIn = <TWindow extends HeldWindow>({ client, key }: WindowQuery<TWindow>): TWindow | undefined =>
  (client.getQueryData(key) as { pages: { window: TWindow }[] } | undefined)?.pages[0]?.window

/** Windows with a jump under way: one at a time each. */
const jumping = new WeakSet<HeldWindow>()

/**
 * Holds the page of a row far from the pages held (the scroll bar dragged, Home deep in the log): fetched by
 * the cursor the chain kept, it becomes the one page held, instead of a walk back page by page.
 */
export async function jumpToRow<TWindow extends HeldWindow>(query: WindowQuery<TWindow>, row: number): Promise<void> {
  const { client, key } = query
  const window = windowIn(query)
  if (!window || jumping.has(window)) return
  jumping.add(window)
  try {
    const index = pageAtRow(window.chain, row)
    const param = { index, cursor: window.chain.cursors[index], window }
    await client.cancelQueries({ queryKey: key, exact: true })
    const page = await query.loadPage(param, new AbortController().signal)
    // Only onto the same search's pages: a search changed meanwhile has pages of its own.
    if (windowIn(query) === window) client.setQueryData(key, { pages: [page], pageParams: [param] })
  } finally {
    jumping.delete(window)
  }
}

/**
 * Loads pages until the chain's rows reach `row` ("Go to time", whose row may lie beyond the rows loaded), while
 * the search is still the one shown (its query observed), holds the same pages, and `signal` has not fired.
 * Pages far behind are let go as usual. Whether the row is there at the end.
 */
export async function loadThroughRow<TWindow extends HeldWindow>(query: WindowQuery<TWindow>, row: number, signal?: AbortSignal): Promise<boolean> {
  const { client, key, keep } = query
  const window = windowIn(query)
  if (!window) return false
  const { chain } = window
  const going = () =>
    !signal?.aborted && windowIn(query) === window && client.getQueryCache().find({ queryKey: key, exact: true })?.isActive() === true
  // Pages fetched again (the reader had scrolled back) bring no new rows: a walk that stops growing stops.
  let idle = 0
  while (going() && idle <= keep + 1) {
    if (chainRows(chain) > row) return true
    const known = chain.counts.length
    const answer = await query.next()
    if (answer.isError || !answer.hasNextPage) break
    idle = chain.counts.length > known ? 0 : idle + 1
  }
  return going() && chainRows(chain) > row
}

/** The page before `index`, by the cursor the chain kept for it. */
export const pageBefore = <TWindow extends HeldWindow>(window: TWindow, index: number) => ({
  index: index - 1,
  cursor: window.chain.cursors[index - 1],
  window,
})
