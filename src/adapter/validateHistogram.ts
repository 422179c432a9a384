import type { Histogram, HistogramRequest } from '../core/histogram'
import { toEpochMs } from '../core/time'
import { describe, isPlainObject } from './describeValue'
import { AuditLogsError } from './errors'

// Apart from `validate.ts` (up front): only the timeline and the fetch adapter read histograms.

const malformed = (problem: string, source: string): AuditLogsError =>
  new AuditLogsError('malformed-response', `The histogram response is malformed: ${problem}. ${source} is probably wrong.`)

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

/**
 * Checks an answer of `histogram` against what was asked: one bucket per pair of edges, each starting and
 * ending on the asked edges (so in order and inside the range), whole non-negative counts, split groups that
 * add up to their bucket, and `first` an instant or `null`. Anything else is one clear error.
 */
export function validateHistogram(value: unknown, request: Pick<HistogramRequest, 'edges'>, source = 'The adapter'): Histogram {
  if (!isPlainObject(value)) throw malformed(`expected an object with a "buckets" array, got ${describe(value)}`, source)
  const { buckets, before, after, first } = value
  const edges = request.edges.map((edge) => toEpochMs(edge))
  if (!Array.isArray(buckets)) throw malformed(`"buckets" is ${describe(buckets)}, expected an array`, source)
  if (buckets.length !== edges.length - 1)
    throw malformed(`"buckets" holds ${String(buckets.length)} entries for ${String(edges.length - 1)} buckets asked for`, source)
  for (const [name, count] of [
    ['before', before],
    ['after', after],
  ] as const) {
    if (!isCount(count)) throw malformed(`"${name}" is ${describe(count)}, expected a whole number of at least 0`, source)
  }
  if (first !== null && (typeof first !== 'string' || toEpochMs(first) === null))
    throw malformed(`"first" is ${describe(first)}, expected an ISO-8601 instant or null`, source)
  const checked = Array.from(buckets as unknown[], (bucket, index) => {
    const at = `buckets[${String(index)}]`
    if (!isPlainObject(bucket)) throw malformed(`${at} is ${describe(bucket)}, expected { start, end, count, groups }`, source)
    const { start, end, count, groups } = bucket
    if (typeof start !== 'string' || toEpochMs(start) !== edges[index] || typeof end !== 'string' || toEpochMs(end) !== edges[index + 1])
      throw malformed(`${at} spans ${describe(start)} to ${describe(end)}, not the edges asked for`, source)
    if (!isCount(count)) throw malformed(`${at}.count is ${describe(count)}, expected a whole number of at least 0`, source)
    if (!Array.isArray(groups)) throw malformed(`${at}.groups is ${describe(groups)}, expected an array`, source)
    const checkedGroups = Array.from(groups as unknown[], (group, inner) => {
      const where = `${at}.groups[${String(inner)}]`
      if (!isPlainObject(group) || typeof group.value !== 'string' || group.value.length > 200 || !isCount(group.count))
        throw malformed(`${where} is not { "value": string, "count": whole number of at least 0 }`, source)
      return { value: group.value, count: group.count }
    })
    if (checkedGroups.reduce((sum, group) => sum + group.count, 0) > count) throw malformed(`${at}.groups add up to more than its count`, source)
    return { start: request.edges[index] as string, end: request.edges[index + 1] as string, count, groups: checkedGroups }
  })
  return { buckets: checked, before: before as number, after: after as number, first: first ?? null }
}
