import type { TimeFormat } from './types'

/**
 * Epoch milliseconds of an event time (ISO-8601 string or epoch ms), or `null` when it is not a valid
 * instant. Strings without an offset are rejected: an audit instant without a zone is ambiguous. So are
 * impossible calendar dates and clock times (`2026-02-30`, `24:30`), which `Date.parse` would move to
 * another day.
 */
export function toEpochMs(value: unknown): number | null {
  // Beyond ±8.64e15 ms a Date is invalid and formatting it throws.
  if (typeof value === 'number') return Math.abs(value) <= MAX_EPOCH_MS ? value : null
  if (typeof value === 'string' && isCanonical(value)) {
    // `toISOString`'s own form, the commonest by far: read by position (a third of the regex and `Date.parse`).
    const at = (index: number): number => twoDigits(value, index)
    const year = at(0) * 100 + at(2)
    // Date.UTC reads years 0–99 as 1900–1999: those few go through Date.parse.
    if (year >= 100) {
      return isRealDateTime(value) ? Date.UTC(year, at(5) - 1, at(8), at(11), at(14), at(17), at(20) * 10 + value.charCodeAt(22) - 48) : null
    }
  }
  if (!isInstantText(value)) return null
  // An expanded year beyond the Date range (or the invalid `-000000`) parses to NaN.
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ`: what each position holds, a separator's code or 0 for a digit. */
const CANONICAL = [0, 0, 0, 0, 45, 0, 0, 45, 0, 0, 84, 0, 0, 58, 0, 0, 58, 0, 0, 46, 0, 0, 0, 90]

/** Whether a text is an instant in `toISOString`'s form (24 characters, UTC, milliseconds). */
function isCanonical(text: string): boolean {
  if (text.length !== 24) return false
  for (let index = 0; index < 24; index += 1) {
    const code = text.charCodeAt(index)
    const mark = CANONICAL[index] as number
    if (mark === 0 ? code < 48 || code > 57 : code !== mark) return false
  }
  return true
}

/**
 * Whether a value is an ISO-8601 instant `toEpochMs` reads: with a zone, on a real day and time of day. Cheaper
 * than `toEpochMs` (no parse), for checking every row's time as it arrives.
 */
export const isInstantText = (value: unknown): value is string => typeof value === 'string' && ISO_INSTANT.test(value) && isRealDateTime(value)

const MAX_EPOCH_MS = 8.64e15

// Date and time with a zone designator (Z or ±hh:mm); fractional seconds optional. A year is four digits, or
// ISO-8601's expanded six with a sign (`+012000`, `-000001`), as `toISOString` writes years beyond 9999 or
// before 1: those are read by `Date.parse`, which refuses the few beyond a Date's range.
const ISO_INSTANT = /^(\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i

/** Where the month starts: after `YYYY` or `±YYYYYY`. Every position after the year moves with it. */
const yearLength = (text: string): number => (text[0] === '+' || text[0] === '-' ? 7 : 4)

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** The two-digit number at `at` (the text matched ISO_INSTANT, so they are digits). */
const twoDigits = (text: string, at: number): number => (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48

/**
 * Whether an ISO_INSTANT text names a real day, time of day and offset. Read by position, without
 * allocating: the viewer checks every row's time on arrival, 100,000 of them in one page.
 */
function isRealDateTime(text: string): boolean {
  const shift = yearLength(text) - 4
  // An expanded year (rare) is read with its sign from its text.
  const year = shift ? Number(text.slice(0, 7)) : twoDigits(text, 0) * 100 + twoDigits(text, 2)
  const month = twoDigits(text, 5 + shift)
  const day = twoDigits(text, 8 + shift)
  const seconds = text[16 + shift] === ':' ? twoDigits(text, 17 + shift) : 0
  const end = text.length
  const zulu = text[end - 1] === 'Z' || text[end - 1] === 'z'
  const offsetHours = zulu ? 0 : twoDigits(text, text[end - 3] === ':' ? end - 5 : end - 4)
  const offsetMinutes = zulu ? 0 : twoDigits(text, end - 2)
  const monthDays = (DAYS_IN_MONTH[month] ?? 0) + (month === 2 && isLeapYear(year) ? 1 : 0)
  return (
    month >= 1 &&
    day >= 1 &&
    day <= monthDays &&
    twoDigits(text, 11 + shift) <= 23 &&
    twoDigits(text, 14 + shift) <= 59 &&
    seconds <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  )
}

/** Epoch numbers below this (3 March 1973 in milliseconds) are, in an audit log, almost surely seconds. */
const SMALLEST_LIKELY_MS = 1e11

/**
 * Whether a number given as epoch milliseconds is more likely epoch seconds: it would put the event in the
 * first three years of 1970, where no audit log has events, while as seconds it is a date after 1973. A
 * negative number is a time before 1970 (records carried over from older systems) and read as it is: as
 * seconds it would be before 1970 too, so nothing suggests the unit is wrong.
 */
export const looksLikeEpochSeconds = (value: number): boolean => value > 0 && value < SMALLEST_LIKELY_MS

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
 * hours, so they are cached per zone and quarter hour: an export formats a million times in seconds. (Not so
 * before 1936: a zone's local mean time, such as St John's -3:30:52, is read to the minute.)
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

/**
 * The digits of an ISO instant's fraction beyond the millisecond (`456789` of `…:00.123456789Z`), or `''`:
 * Kubernetes writes microseconds, Google Cloud and Azure nanoseconds, and a `Date` keeps milliseconds only.
 * For a value `toEpochMs` has read; scanned by position, as the export calls it for every time cell.
 */
export function subMillisecondDigits(value: unknown): string {
  if (typeof value !== 'string') return ''
  // The fraction follows the seconds, at index 19 of `YYYY-MM-DDTHH:MM:SS.` (22 with an expanded year).
  const dot = 19 + yearLength(value) - 4
  if (value[dot] !== '.') return ''
  let end = dot + 1
  while (end < value.length && value.charCodeAt(end) >= 48 && value.charCodeAt(end) <= 57) end += 1
  return end > dot + 4 ? value.slice(dot + 4, end) : ''
}

/** An ISO text with milliseconds (`….123Z`, `….123+01:00`) given its sub-millisecond digits back. */
export const withSubMilliseconds = (iso: string, digits: string): string => (digits === '' ? iso : iso.replace(/(\.\d{3})/, `$1${digits}`))

// A warehouse's zone-less date and time (`2024-12-17 08:30:00.123456`, BigQuery, Snowflake, SQL exports).
const UTC_DATETIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)$/
const EPOCH_SECONDS = /^[+-]?\d+(\.\d+)?$/

/** Epoch seconds (a number or its digits, fraction up to nanoseconds) as an ISO instant, every digit kept. */
function epochSecondsToIso(value: unknown): string | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? value.trim() : ''
  if (!EPOCH_SECONDS.test(text)) return null
  const [whole = '', fraction = ''] = text.split('.')
  const negative = text.startsWith('-')
  const ms = Number(whole) * 1000 + (negative ? -1 : 1) * Number(fraction.slice(0, 3).padEnd(3, '0'))
  if (!(Math.abs(ms) <= MAX_EPOCH_MS)) return null
  // Before 1970 the digits past the millisecond would count the other way; no audit log has such events.
  return withSubMilliseconds(new Date(ms).toISOString(), negative ? '' : fraction.slice(3, 9))
}

/**
 * A time in the form the viewer reads (an ISO-8601 instant or epoch milliseconds), from the form a source
 * writes it in: `'epoch-seconds'` (CloudTrail's `EventTime`, Unix tools) or `'utc-datetime'` (a warehouse's
 * `2024-12-17 08:30:00.123456`, meant as UTC). Every fractional digit is kept. A value not in that form comes
 * back as it is: the viewer then shows it as an unreadable time, never as another instant.
 */
export function normaliseTime(value: unknown, format: TimeFormat = 'iso'): unknown {
  if (format === 'epoch-seconds') return epochSecondsToIso(value) ?? value
  if (format === 'utc-datetime' && typeof value === 'string') {
    const match = UTC_DATETIME.exec(value)
    if (match) return `${match[1]}T${match[2]}Z`
  }
  return value
}

/** The event with its `createdAt` read in `format` (see `normaliseTime`); the same object when nothing changes. */
export function withEventTime<TEvent extends { createdAt: unknown }>(event: TEvent, format: TimeFormat | undefined): TEvent {
  if (format === undefined || format === 'iso') return event
  const createdAt = normaliseTime(event.createdAt, format)
  return createdAt === event.createdAt ? event : { ...event, createdAt }
}
