import { wallClockToInstant } from './dateRange'
import { timeZoneOffsetMinutes, toZonedIso } from './time'

/** The calendar unit of a timeline's buckets. */
export type BucketUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'

/** A bucket's size: `step` units (5 minutes, 3 hours, 1 month). */
export interface BucketSize {
  unit: BucketUnit
  step: number
}

const MINUTE = 60_000
const APPROX_MS: Record<BucketUnit, number> = {
  minute: MINUTE,
  hour: 60 * MINUTE,
  day: 1440 * MINUTE,
  week: 7 * 1440 * MINUTE,
  month: 30.44 * 1440 * MINUTE,
  year: 365.25 * 1440 * MINUTE,
}

// Sizes a person reads at a glance; every sub-day step divides a day, so each day starts a bucket.
const SIZES: readonly BucketSize[] = [
  { unit: 'minute', step: 1 },
  { unit: 'minute', step: 5 },
  { unit: 'minute', step: 15 },
  { unit: 'minute', step: 30 },
  { unit: 'hour', step: 1 },
  { unit: 'hour', step: 3 },
  { unit: 'hour', step: 6 },
  { unit: 'hour', step: 12 },
  { unit: 'day', step: 1 },
  { unit: 'week', step: 1 },
  { unit: 'month', step: 1 },
  { unit: 'month', step: 3 },
  { unit: 'year', step: 1 },
]

/** The smallest size that spans `[from, to)` in at most `maxBuckets` buckets. */
export function chooseBucketSize(from: number, to: number, maxBuckets: number): BucketSize {
  const span = Math.max(to - from, 1)
  return (
    SIZES.find((size) => span / (APPROX_MS[size.unit] * size.step) <= maxBuckets) ?? {
      unit: 'year',
      step: Math.ceil(span / APPROX_MS.year / maxBuckets),
    }
  )
}

// A wall-clock time is kept as the epoch ms of the same fields read as UTC: calendar arithmetic is then Date's.
const wallOf = (ms: number, timeZone: string | undefined): number => ms + timeZoneOffsetMinutes(ms, timeZone) * MINUTE

function instantOf(wall: number, timeZone: string | undefined): number {
  const text = new Date(wall).toISOString()
  return wallClockToInstant(text.slice(0, 10), text.slice(11, 19), timeZone) ?? wall
}

/** The wall-clock start of the bucket that holds a wall-clock time. */
function floorWall(wall: number, { unit, step }: BucketSize): number {
  const date = new Date(wall)
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()]
  const minutes = date.getUTCHours() * 60 + date.getUTCMinutes()
  switch (unit) {
    case 'minute':
      return Date.UTC(year, month, day, 0, minutes - (minutes % step))
    case 'hour':
      return Date.UTC(year, month, day, 0, minutes - (minutes % (step * 60)))
    case 'day':
      return Date.UTC(year, month, day)
    case 'week':
      // Weeks start on Monday (ISO 8601).
      return Date.UTC(year, month, day - ((date.getUTCDay() + 6) % 7))
    case 'month':
      return Date.UTC(year, month - (month % step), 1)
    case 'year':
      return Date.UTC(year - (year % step), 0, 1)
  }
}

/** The wall-clock start of the next bucket. */
function nextWall(wall: number, { unit, step }: BucketSize): number {
  const date = new Date(wall)
  if (unit === 'minute' || unit === 'hour') return wall + step * (unit === 'hour' ? 60 : 1) * MINUTE
  if (unit === 'day' || unit === 'week') date.setUTCDate(date.getUTCDate() + step * (unit === 'week' ? 7 : 1))
  else if (unit === 'month') date.setUTCMonth(date.getUTCMonth() + step)
  else date.setUTCFullYear(date.getUTCFullYear() + step)
  return date.getTime()
}

/** The most edges a timeline asks for, whatever it is given. */
export const MAX_EDGES = 400

/**
 * The bucket edges of `[from, to)` in a zone, as epoch ms: `from`, then every wall-clock start of a bucket
 * after it (midnights, hours, first days of months, as instants of that zone: a DST day has 23 or 25 hours,
 * a wall-clock time the clock skips starts when it resumes), then `to`. With `alignStart`, the first edge is
 * the start of the bucket that holds `from` (for an open range, whose start is only the earliest event).
 */
export function bucketEdges(from: number, to: number, timeZone: string | undefined, size: BucketSize, alignStart = false): number[] {
  let wall = floorWall(wallOf(from, timeZone), size)
  const edges = [alignStart ? Math.min(instantOf(wall, timeZone), from) : from]
  while (edges.length < MAX_EDGES) {
    wall = nextWall(wall, size)
    const edge = instantOf(wall, timeZone)
    if (edge >= to) break
    if (edge > (edges[edges.length - 1] as number)) edges.push(edge)
  }
  edges.push(to)
  return edges
}

/** Edges as ISO instants with the zone's offset, as the date form writes a range. */
export const edgesToIso = (edges: readonly number[], timeZone: string | undefined): string[] => edges.map((ms) => toZonedIso(ms, timeZone))
