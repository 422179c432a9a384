import type { Histogram, HistogramGroup, HistogramRequest } from '../core/histogram'
import { toEpochMs } from '../core/time'
import type { AuditEvent } from '../core/types'
import { AuditLogsError } from './errors'
import type { ReadKey } from './memoryRead'

/** The text a split groups by: a plain value, lower case; anything else (missing, an object, a list) is `''`. */
export function splitValueOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value).toLowerCase() : ''
}

/** The request's edges as ascending epoch ms; a request whose edges are no ascending instants is refused. */
export function edgeTimes(request: Pick<HistogramRequest, 'edges'>): number[] {
  const times = request.edges.map((edge) => toEpochMs(edge))
  if (times.length === 0 || times.some((time, index) => time === null || (index > 0 && time <= (times[index - 1] as number)))) {
    throw new AuditLogsError('invalid-query', '"edge" must be one or more ISO-8601 instants, each later than the one before.')
  }
  return times as number[]
}

/** The position of the last edge at or before `time` (`-1` before the first), by binary search. */
function edgeIndex(edges: readonly number[], time: number): number {
  let low = 0
  let high = edges.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((edges[middle] as number) <= time) low = middle + 1
    else high = middle
  }
  return low - 1
}

/** Counts a search's matching events per bucket and split value, as a server's one grouped statement does. */
export function countHistogram(events: readonly AuditEvent[], request: HistogramRequest, read: ReadKey): Histogram {
  const edges = edgeTimes(request)
  const buckets = edges.slice(1).map(() => new Map<string, number>())
  let before = 0
  let after = 0
  let first: number | null = null
  for (const event of events) {
    const time = toEpochMs(event.createdAt)
    if (time !== null && (first === null || time < first)) first = time
    const index = time === null ? -1 : edgeIndex(edges, time)
    const bucket = buckets[index]
    if (index < 0) before += 1
    else if (!bucket) after += 1
    else {
      const value = request.splitBy === undefined ? '' : splitValueOf(read(event, request.splitBy))
      bucket.set(value, (bucket.get(value) ?? 0) + 1)
    }
  }
  return {
    buckets: buckets.map((groups, index) => {
      const sorted: HistogramGroup[] = [...groups]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
      return {
        start: request.edges[index] as string,
        end: request.edges[index + 1] as string,
        count: sorted.reduce((sum, group) => sum + group.count, 0),
        groups: request.splitBy === undefined ? [] : sorted,
      }
    }),
    before,
    after,
    first: first === null ? null : new Date(first).toISOString(),
  }
}
