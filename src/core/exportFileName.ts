import { toZonedIso } from './time'

interface RangeLike {
  from?: string | undefined
  to?: string | undefined
}

const day = (ms: number, timeZone: string | undefined): string => toZonedIso(ms, timeZone).slice(0, 10)

/**
 * `audit-logs_2026-11-01_2026-11-23.csv`: the range's first and last day in the chosen zone (the exclusive
 * end's previous day), `start` for an open start, and the export day for an open end.
 */
export function exportFileName(range: RangeLike, timeZone: string | undefined, now: number): string {
  const from = range.from ? Date.parse(range.from) : Number.NaN
  const to = range.to ? Date.parse(range.to) : Number.NaN
  const first = Number.isNaN(from) ? 'start' : day(from, timeZone)
  const last = Number.isNaN(to) ? day(now, timeZone) : day(Math.min(to - 1, now), timeZone)
  return `audit-logs_${first}_${last}.csv`
}
