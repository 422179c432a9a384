import { validatePage } from '../adapter/validate'
import type { GetEventId } from '../core/eventId'
import { type PagingStop, pagingStop } from '../core/paging'
import type { AuditEvent, AuditPage, AuditSearch } from '../core/types'
import { checkTotal, splitByRange } from '../core/verify'
import { chainKey, chainRows, createPageChain, firstProcessing, type PageChain } from './pageChain'

type Revisit = typeof import('./revisit')
let revisit: Revisit | undefined

/** What a log deeper than the pages held needs (see `revisit.ts`): loaded before the first page that needs it arrives. */
export const loadRevisit = async (): Promise<Revisit> => (revisit ??= await import('./revisit'))

/** Where a page is fetched from: its place among the search's pages, its cursor, and the window it belongs to. */
export interface PageParam<TEvent extends AuditEvent> {
  readonly index: number
  readonly cursor: string | undefined
  /** Absent for a search's first page, which starts a window of its own. */
  readonly window?: EventWindow<TEvent>
}

/** A page as it arrived, checked, with where it was fetched from: its events inside the searched range, and how many it had outside. */
export interface ArrivedPage<TEvent extends AuditEvent> extends AuditPage<TEvent> {
  readonly index: number
  readonly cursor: string | undefined
  readonly window: EventWindow<TEvent>
  readonly outside: number
}

/**
 * Checks a page the backend sent, changing nothing: what a fetch gives. The window takes the page in only
 * once its query holds it, so an answer dropped (a fetch cancelled, a search changed) leaves no trace.
 */
export function arrive<TEvent extends AuditEvent>(
  param: PageParam<TEvent>,
  page: AuditPage<TEvent>,
  search: AuditSearch,
  getId: GetEventId<TEvent>,
  keep: number,
): ArrivedPage<TEvent> {
  // The check proves the AuditEvent shape; TEvent's own fields are the adapter's promise.
  const checked = validatePage(page) as AuditPage<TEvent>
  const { inside, outside } = splitByRange(checked.events, search)
  return { ...checked, events: inside, ...param, window: param.window ?? new EventWindow(getId, keep), outside }
}

/** What the pages held show: a new object whenever any of it changes, never changed afterwards. */
export interface WindowView<TEvent extends AuditEvent> {
  readonly events: TEvent[]
  readonly offset: number
  readonly rowCount: number
  readonly logChanged: boolean
  readonly mergedCopies: number
  readonly repeatedIds: number
  readonly total: number | undefined
  readonly reportedTotal: number | undefined
  readonly totalAtLeast: number | undefined
  readonly outsideRange: number
  readonly pagingStop: PagingStop | undefined
}

/**
 * A search's event window, without a framework: it takes in the pages a query holds (each checked and
 * de-duplicated once, when it first arrives, into the chain that remembers every page's cursor and rows), says
 * where the next and previous pages are and when paging must stop, and gives immutable views of the pages held.
 * Whoever asks first (the query for the next page, a render for the view), a page is taken in once, in order.
 */
export class EventWindow<TEvent extends AuditEvent> {
  /** What the search's pages have shown, kept while their events come and go (see `PageChain`). */
  readonly chain: PageChain = createPageChain()
  readonly #getId: GetEventId<TEvent>
  /** How many pages are held: the events of pages farther away are let go. */
  readonly #keep: number
  /** The rows each page gave: a page is taken in once, whoever asks first. */
  readonly #rows = new WeakMap<ArrivedPage<TEvent>, TEvent[]>()

  constructor(getId: GetEventId<TEvent>, keep: number) {
    this.#getId = getId
    this.#keep = keep
  }

  /** The key of a row: its identity, or for a repeat of an identity the key its page gave it. */
  readonly key = (event: TEvent): string => chainKey(this.chain, event, this.#getId)

  /** The page after those held; `undefined` at the log's end or when paging stopped. */
  next(pages: readonly ArrivedPage<TEvent>[]): PageParam<TEvent> | undefined {
    this.#take(pages)
    const last = pages.at(-1)
    return !last?.nextCursor || this.#stop(last) ? undefined : { index: last.index + 1, cursor: last.nextCursor, window: this }
  }

  /**
   * The page before `first`, by the cursor kept for it; `undefined` at the search's first page. A first page
   * held that is not the search's first was dropped to or jumped to, which loaded `revisit` first.
   */
  previous(first: ArrivedPage<TEvent>): PageParam<TEvent> | undefined {
    return first.index ? (revisit as Revisit).pageBefore(this, first.index) : undefined
  }

  /** What the pages held show, `settled` when the query's last fetch succeeded: a new object, never changed. */
  view(pages: readonly ArrivedPage<TEvent>[], settled: boolean): WindowView<TEvent> {
    const { chain } = this
    this.#take(pages)
    const newest = pages.at(-1)
    const rowCount = chainRows(chain)
    const atFrontier = newest !== undefined && newest.index === chain.counts.length - 1
    // Merged copies were counted by the backend too: delivered, though shown once.
    const { total, contradicted } = checkTotal(
      atFrontier ? newest.total : undefined,
      rowCount,
      chain.outsideRange + chain.merged,
      settled && atFrontier && !newest.nextCursor,
    )
    const bound = total === undefined && atFrontier ? newest.totalAtLeast : undefined
    return {
      // The rows of the pages held: a concatenation, as each page was de-duplicated when it arrived.
      events: pages.flatMap((page) => this.#rows.get(page) ?? []),
      offset: chain.starts[pages[0]?.index ?? 0] ?? 0,
      rowCount,
      logChanged: chain.changed,
      mergedCopies: chain.merged,
      repeatedIds: chain.repeated,
      total,
      reportedTotal: contradicted,
      totalAtLeast: bound === undefined ? undefined : Math.max(bound, rowCount),
      outsideRange: chain.outsideRange,
      pagingStop: newest && this.#stop(newest),
    }
  }

  /** Takes in the pages not taken in yet, in order. */
  #take(pages: readonly ArrivedPage<TEvent>[]): void {
    const { chain } = this
    const keep = this.#keep
    for (const page of pages) {
      if (this.#rows.has(page)) continue
      const { index, cursor } = page
      const first = index >= chain.counts.length
      if (first) {
        chain.outsideRange += page.outside
        chain.inside[index] = page.events.length
      }
      this.#rows.set(
        page,
        first && index < keep
          ? firstProcessing(chain, index, page.events, this.#getId, cursor)
          : (revisit as Revisit).processPage(chain, index, cursor, page.events, this.#getId, keep),
      )
    }
  }

  /** Why loading stopped although the backend offered another page (see `pagingStop`); `undefined` while it may go on. */
  #stop(last: ArrivedPage<TEvent>): PagingStop | undefined {
    const { chain } = this
    const { index } = last
    // Only the newest page decides: a page fetched again further back says nothing new.
    if (!last.nextCursor || index !== chain.counts.length - 1) return undefined
    let trailingEmptyPages = 0
    while (trailingEmptyPages <= index && chain.inside[index - trailingEmptyPages] === 0) trailingEmptyPages += 1
    return pagingStop({ cursors: chain.cursors, trailingEmptyPages }, last.nextCursor)
  }
}
