import { keepPreviousData, useQuery } from '@tanstack/react-query'

import { callOptions, type AuditLogsAdapter } from '../adapter/types'
import { validateHistogram } from '../adapter/validateHistogram'
import type { Histogram } from '../core/histogram'
import { toEpochMs } from '../core/time'
import { type BucketSize, bucketEdges, chooseBucketSize, edgesToIso } from '../core/timeBuckets'
import type { AuditEvent, AuditSearch } from '../core/types'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'

export interface UseHistogramOptions<TEvent extends AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  tenantId: string | undefined
  search: AuditSearch
  timeZone: string | undefined
  /** The field whose values split each bar. */
  splitBy: string | undefined
  /** The most bars that fit; `null` until the timeline knows its width (nothing is asked before). */
  maxBuckets: number | null
  /** Where a range without an end ends (the moment the viewer opened), in epoch ms. */
  now: number
}

export interface UseHistogramResult {
  histogram: Histogram | undefined
  size: BucketSize | undefined
  error: Error | null
  /** No event matches: there is nothing to draw. */
  empty: boolean
  pending: boolean
}

const HOUR = 3_600_000

/** The bucket size and edges of `[from, to)`; a given range's own text is kept as its outer edges. */
function planBuckets(search: AuditSearch, from: number, to: number, maxBuckets: number, timeZone: string | undefined, openStart: boolean) {
  const size = chooseBucketSize(from, to, maxBuckets)
  const edges = edgesToIso(bucketEdges(from, to, timeZone, size, openStart), timeZone)
  // So a bar's span is exactly the searched range's, however its instants were written.
  if (search.from !== undefined && !openStart) edges[0] = search.from
  if (search.to !== undefined) edges[edges.length - 1] = search.to
  return { size, edges }
}

/**
 * The histogram of a search for the timeline. The bars span the search's range; a range without a start
 * first asks where the earliest matching event is (a histogram of no buckets) and spans from there.
 */
export function useHistogram<TEvent extends AuditEvent>(options: UseHistogramOptions<TEvent>): UseHistogramResult {
  const { adapter, tenantId, timeZone, splitBy, maxBuckets, now } = options
  const { sort: _sort, ...search } = options.search
  const to = toEpochMs(search.to) ?? now
  const givenFrom = toEpochMs(search.from)
  const key = auditQueryKeys.all(adapter, tenantId)
  const ask = async (edges: string[], signal: AbortSignal): Promise<Histogram> => {
    if (!adapter.histogram) throw new Error('unreachable: the query is disabled')
    // Checked here too: a host's own adapter is as untrusted as a server.
    return validateHistogram(
      await adapter.histogram({ search, edges, ...(splitBy === undefined ? {} : { splitBy }) }, callOptions(signal, tenantId)),
      { edges },
    )
  }
  const endEdge = [new Date(to).toISOString()]
  const start = useQuery({
    queryKey: [...key, 'histogram-start', search, endEdge],
    queryFn: ({ signal }) => ask(endEdge, signal),
    enabled: givenFrom === null && maxBuckets !== null,
    ...viewerQueryOptions,
  })
  const first = toEpochMs(start.data?.first ?? null)
  // An open range spans at least an hour, so one event (or a clock ahead of the viewer's) still draws.
  const from = givenFrom ?? (start.data ? Math.min(first ?? to, to - HOUR) : null)
  // Computed on each render (a few dozen edges; zone offsets are cached): the query key compares by value.
  const plan = from === null || maxBuckets === null ? null : planBuckets(search, from, to, maxBuckets, timeZone, givenFrom === null)
  const histogram = useQuery({
    queryKey: [...key, 'histogram', search, plan, splitBy ?? null],
    queryFn: async ({ signal }) => ({ histogram: await ask(plan?.edges ?? [], signal), size: plan?.size }),
    enabled: plan !== null,
    // The bars of the last range stay until the new ones come, so the timeline (and its focus) stays put.
    placeholderData: keepPreviousData,
    ...viewerQueryOptions,
  })
  const error = (start.error ?? histogram.error) as Error | null
  const empty = givenFrom === null && start.data !== undefined && start.data.before + start.data.after === 0
  return {
    histogram: histogram.data?.histogram,
    size: histogram.data?.size,
    error,
    empty,
    pending: !empty && histogram.data === undefined && error === null,
  }
}
