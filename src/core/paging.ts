import type { PagingStop } from './problems'

// Callers that read paging's rules find its stop here too; it is defined with the other problem kinds.
export type { PagingStop }

/** Empty pages in a row, each with a next cursor, after which paging stops. */
export const MAX_EMPTY_PAGES = 3

export interface PagingState {
  /** The cursors followed so far (the first page's is `undefined`). */
  cursors: readonly (string | undefined)[]
  /** Empty pages at the end, in a row. */
  trailingEmptyPages: number
}

/**
 * Whether to follow `next`: `undefined` to go on, else why not. An audit viewer must never become a
 * request storm against its own backend, whatever cursors that backend hands out. The backend's `total` is
 * not consulted: a `total` the pages contradict is a hint that was wrong, never a reason to leave events the
 * backend still offers out of reach (a walk that never repeats a cursor and keeps finding events is a log).
 */
export function pagingStop(state: PagingState, next: string): PagingStop | undefined {
  if (state.cursors.includes(next)) return 'repeated-cursor'
  if (state.trailingEmptyPages >= MAX_EMPTY_PAGES) return 'empty-pages'
  return undefined
}
