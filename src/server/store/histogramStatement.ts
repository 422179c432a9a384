import type { Histogram, HistogramGroup, HistogramRequest } from '../../core/histogram'
import { pathOf, searchConditions } from '../query'
import { Params } from '../sql'

/**
 * The one `select` of a histogram: each matching event's bucket by `width_bucket` over the edges (0 before the
 * first, the number of edges at or after the last), grouped with the split field's value, case folded as filters fold it. The
 * tenant and range lead the conditions, so the tenant's time index serves it.
 */
export function histogramStatement(
  tenantId: string,
  request: HistogramRequest,
  hidden: readonly (readonly string[])[] = [],
): { text: string; values: unknown[] } {
  const params = new Params()
  const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(request.search, params, hidden)]
  const edges = `${params.add(request.edges)}::timestamptz[]`
  let split = `''`
  if (request.splitBy !== undefined) {
    const value = `(data #> ${params.add(pathOf(request.splitBy, 'The split field'))}::text[])`
    split = `case when jsonb_typeof(${value}) in ('string', 'number', 'boolean') then audit_fold(${value} #>> '{}') else '' end`
  }
  const text =
    `select width_bucket(created_at, ${edges}) as bucket, ${split} as value, count(*)::int8 as count, min(created_at) as first` +
    ` from audit_events where ${conditions.join(' and ')} group by 1, 2`
  return { text, values: params.values }
}

export interface HistogramRow {
  bucket: number
  value: string
  count: string
  first: Date
}

/** The grouped rows as the histogram answer: every bucket asked for, its groups largest first. */
export function histogramFromRows(request: HistogramRequest, rows: readonly HistogramRow[]): Histogram {
  const groups = request.edges.slice(1).map((): HistogramGroup[] => [])
  let before = 0
  let after = 0
  let first: number | null = null
  for (const row of rows) {
    const count = Number(row.count)
    const time = row.first.getTime()
    if (first === null || time < first) first = time
    const bucket = groups[row.bucket - 1]
    if (row.bucket === 0) before += count
    else if (!bucket) after += count
    else bucket.push({ value: row.value, count })
  }
  return {
    buckets: groups.map((group, index) => ({
      start: request.edges[index] as string,
      end: request.edges[index + 1] as string,
      count: group.reduce((sum, entry) => sum + entry.count, 0),
      groups: request.splitBy === undefined ? [] : group.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)),
    })),
    before,
    after,
    first: first === null ? null : new Date(first).toISOString(),
  }
}
