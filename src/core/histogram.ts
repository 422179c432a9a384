import type { AuditSearch } from './types'

/** What `histogram` is asked: how many of a search's events fall in each bucket of time, split by one field. */
export interface HistogramRequest {
  /** The search the counts are for; its sort does not matter. */
  search: AuditSearch
  /**
   * The bucket edges, ascending ISO instants: bucket `i` is `[edges[i], edges[i + 1])`. The viewer computes
   * them in its time zone (calendar days and months, DST days included), so an adapter needs no zone rules.
   */
  edges: string[]
  /** The field whose values split each bucket's count (`result`, `severity`); none counts events only. */
  splitBy?: string
}

/** One value of the split field in one bucket; `value` is lower case (`''` when the event has none). */
export interface HistogramGroup {
  value: string
  count: number
}

/** One bucket: its half-open span, as asked, and its counts. */
export interface HistogramBucket {
  start: string
  end: string
  count: number
  /** The count by value of the split field, largest first; empty without `splitBy`. */
  groups: HistogramGroup[]
}

/** The answer of `histogram`. Every matching event is in exactly one of `before`, a bucket, or `after`. */
export interface Histogram {
  buckets: HistogramBucket[]
  /** Matching events before the first edge (or whose time cannot be read). */
  before: number
  /** Matching events at or after the last edge. */
  after: number
  /** The earliest matching event's time (ISO), or `null` when none matches: where an open range starts. */
  first: string | null
}
