/**
 * Epoch milliseconds of an event time (ISO-8601 string or epoch ms), or `null` when it is not a valid
 * instant. Strings without an offset are rejected: an audit instant without a zone is ambiguous. So are
 * impossible calendar dates and clock times (`2026-02-30`, `24:30`), which `Date.parse` would move to
 * another day.
 */
export function toEpochMs(value: unknown): number | null {
  // Beyond ±8.64e15 ms a Date is invalid and formatting it throws.
  if (typeof value === 'number') return Math.abs(value) <= MAX_EPOCH_MS ? value : null
  if (typeof value !== 'string') return null
  const match = ISO_INSTANT.exec(value)
  if (!match || !isRealDateTime(match)) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

const MAX_EPOCH_MS = 8.64e15

// Date and time with a zone designator (Z or ±hh:mm); fractional seconds optional.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** Whether the parts of an ISO instant name a real day and time of day, and a real offset. */
function isRealDateTime(match: RegExpExecArray): boolean {
  const [year, month, day, hours, minutes, seconds, offsetHours, offsetMinutes] = (match.slice(1, 9) as (string | undefined)[]).map((part) =>
    Number(part ?? 0),
  ) as [number, number, number, number, number, number, number, number]
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hours <= 23 &&
    minutes <= 59 &&
    seconds <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  )
}

/** Epoch numbers below this (3 March 1973 in milliseconds) are, in an audit log, almost surely seconds. */
const SMALLEST_LIKELY_MS = 1e11

/**
 * Whether a number given as epoch milliseconds is more likely epoch seconds: it would put the event in the
 * first three years of 1970, where no audit log has events, while as seconds it is a date after 1973.
 */
export const looksLikeEpochSeconds = (value: number): boolean => value !== 0 && Math.abs(value) < SMALLEST_LIKELY_MS

const formatterCache = new Map<string, Intl.DateTimeFormat>()

/** A cached `Intl.DateTimeFormat`: building one costs far more than using it, and cells call this per row. */
export function dateTimeFormatter(
  locale: string | undefined,
  timeZone: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const cacheKey = JSON.stringify([locale, timeZone, options])
  let formatter = formatterCache.get(cacheKey)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone })
    formatterCache.set(cacheKey, formatter)
  }
  return formatter
}

const QUARTER_HOUR = 900_000
const offsetCache = new Map<string, Map<number, number>>()
const MAX_CACHED_OFFSETS = 20_000

function readOffsetMinutes(ms: number, timeZone: string | undefined): number {
  const name = dateTimeFormatter('en-US', timeZone, { timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((part) => part.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '')
  if (!match) return 0 // "GMT" alone: UTC
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0)
  return match[1] === '-' ? -minutes : minutes
}

/**
 * The zone's offset from UTC at an instant, in minutes (east positive). Offsets change only on quarter
 * hours, so they are cached per zone and quarter hour: an export formats a million times in seconds.
 */
export function timeZoneOffsetMinutes(ms: number, timeZone: string | undefined): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0
  const zone = timeZone ?? ''
  let cache = offsetCache.get(zone)
  if (!cache) {
    cache = new Map()
    offsetCache.set(zone, cache)
  }
  const bucket = Math.floor(ms / QUARTER_HOUR)
  let offset = cache.get(bucket)
  if (offset === undefined) {
    if (cache.size >= MAX_CACHED_OFFSETS) cache.clear()
    offset = readOffsetMinutes(bucket * QUARTER_HOUR, timeZone)
    cache.set(bucket, offset)
  }
  return offset
}

const pad = (value: number): string => String(value).padStart(2, '0')

/**
 * ISO-8601 with the zone's offset at that instant, to the millisecond:
 * `2021-11-17T09:02:46.375+01:00` for Europe/Prague. UTC gives `Z`.
 */
export function toZonedIso(ms: number, timeZone: string | undefined): string {
  const offset = timeZoneOffsetMinutes(ms, timeZone)
  const moved = ms + offset * 60_000
  // At the ends of the Date range the moved instant would not be a Date: UTC is the honest answer there.
  if (offset === 0 || Math.abs(moved) > MAX_EPOCH_MS) return new Date(ms).toISOString()
  // The instant moved by the offset, written as if UTC, is the wall-clock time in the zone.
  const wallClock = new Date(moved).toISOString().slice(0, -1)
  const absolute = Math.abs(offset)
  return `${wallClock}${offset > 0 ? '+' : '-'}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
}
