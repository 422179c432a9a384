import type { Histogram } from './histogram'
import { toEpochMs } from './time'
import type { AuditSearch } from './types'

// "Go to time": where the first event at or before a time (newest first), or at or after it (oldest first),
// sits in the list, from one count the adapter already gives (a histogram of no buckets: `before` and `after`
// one edge), so no event is hidden and the rows above stay the newer (or older) ones.

/** The key the list must be sorted by for a jump to make sense: time. */
const TIME_KEY = 'createdAt'

/** Whether the list is in time order, and which way (`null`: sorted by something else, no jump). */
export function jumpDirection(search: Pick<AuditSearch, 'sort'>): 'asc' | 'desc' | null {
  const sort = search.sort
  if (!sort) return 'desc'
  return sort.key === TIME_KEY ? sort.direction : null
}

/**
 * The one edge whose counts place the time: newest first, the rows above are the events after `at` (at the
 * next millisecond on, as the adapters compare times to the millisecond); oldest first, those before `at`.
 */
export function jumpEdge(at: number, direction: 'asc' | 'desc'): string {
  return new Date(direction === 'desc' ? at + 1 : at).toISOString()
}

/** Why a jump does not move: the time lies outside the searched range, or no event lies on its far side. */
export type JumpProblem = 'outside-range' | 'none-there'

/** A time outside the searched range `[from, to]` (the range's own end included: everything is before it). */
export function outsideRange(at: number, search: Pick<AuditSearch, 'from' | 'to'>): boolean {
  const from = toEpochMs(search.from)
  const to = toEpochMs(search.to)
  return (from !== null && at < from) || (to !== null && at > to)
}

/**
 * The row of the first event at or before the time (newest first) or at or after it (oldest first), and how
 * many rows are above it; or why there is none. `counts` is the histogram of the one edge `jumpEdge` gave.
 */
export function jumpRow(counts: Pick<Histogram, 'before' | 'after'>, direction: 'asc' | 'desc'): { row: number } | { problem: JumpProblem } {
  const [above, there] = direction === 'desc' ? [counts.after, counts.before] : [counts.before, counts.after]
  return there === 0 ? { problem: 'none-there' } : { row: above }
}
