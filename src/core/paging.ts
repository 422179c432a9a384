/** Why paging stops although the backend offers a next page: its paging cannot be trusted. */
export type PagingStop =
  /** The next cursor is one already followed: the backend repeats or cycles. */
  | 'repeated-cursor'
  /** Pages keep coming back empty with a cursor to yet another page. */
  | 'empty-pages'
  /** More pages than the backend's own `total` calls for, with a margin. */
  | 'beyond-total'

/** Empty pages in a row, each with a next cursor, after which paging stops. */
export const MAX_EMPTY_PAGES = 3

/** Pages `total` calls for are allowed twice over, plus two: room for overlapping pages, never an endless walk. */
export const maxPagesFor = (total: number, pageSize: number): number => 2 * Math.ceil(total / pageSize) + 2

export interface PagingState {
  /** The cursors followed so far (the first page's is `undefined`). */
  cursors: readonly (string | undefined)[]
  /** Empty pages at the end, in a row. */
  trailingEmptyPages: number
  /** Pages loaded. */
  pages: number
  /** The backend's `total`, when it gave one. */
  total: number | undefined
  pageSize: number
}

/**
 * Whether to follow `next`: `undefined` to go on, else why not. An audit viewer must never become a
 * request storm against its own backend, whatever cursors that backend hands out.
 */
export function pagingStop(state: PagingState, next: string): PagingStop | undefined {
  if (state.cursors.includes(next)) return 'repeated-cursor'
  if (state.trailingEmptyPages >= MAX_EMPTY_PAGES) return 'empty-pages'
  if (state.total !== undefined && state.pages >= maxPagesFor(state.total, state.pageSize)) return 'beyond-total'
  return undefined
}
