import { formatDateTime } from './format'
import { dateTimeFormatter, timeZoneOffsetMinutes } from './time'

const MINUTE = 60_000
const HOUR = 3_600_000
const DAY = 86_400_000

const relativeCache = new Map<string, Intl.RelativeTimeFormat>()

/** A cached `Intl.RelativeTimeFormat` that says "yesterday" rather than "1 day ago". */
function relativeFormatter(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? ''
  let formatter = relativeCache.get(key)
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    relativeCache.set(key, formatter)
  }
  return formatter
}

/** "yesterday" → "Yesterday", "heute" → "Heute": a word that starts a cell or a label. */
const capitalised = (text: string, locale: string | undefined): string => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1)

/** The wall-clock time of an instant in a zone, as epoch ms of that wall clock read as UTC. */
const wallClock = (ms: number, timeZone: string | undefined): number => ms + timeZoneOffsetMinutes(ms, timeZone) * MINUTE

/**
 * The calendar day an instant falls on in a zone, as a number of days since 1970-01-01 (comparable, subtractable).
 * From the zone's offset, which is cached, rather than a formatter's parts: every row's time asks for it.
 */
export const dayNumber = (ms: number, timeZone: string | undefined): number => Math.floor(wallClock(ms, timeZone) / DAY)

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' }

/** The calendar year of an instant in the viewer's zone (New Year's Eve in Tokyo is already next year). */
const yearIn = (ms: number, timeZone: string | undefined): number => new Date(wallClock(ms, timeZone)).getUTCFullYear()

/**
 * A time as a table cell says it, relative to `now` in the viewer's zone: "now", "3 minutes ago", "2 hours ago"
 * (the same day), "Yesterday 14:02", "Fri 14:02" (this week), "Dec 1, 14:02" (this year), else with the year.
 * A time more than a minute ahead of `now` (a skewed clock) is never "in 3 minutes": it shows as a date and time.
 */
export function relativeTime(ms: number, now: number, locale: string | undefined, timeZone: string | undefined): string {
  const ago = now - ms
  const words = relativeFormatter(locale)
  // Within a minute either way is now: the clock is read by the minute, and hosts' clocks differ by seconds.
  if (ago > -MINUTE && ago < MINUTE) return capitalised(words.format(0, 'second'), locale)
  if (ago >= 0 && ago < HOUR) return words.format(-Math.floor(ago / MINUTE), 'minute')
  const days = dayNumber(now, timeZone) - dayNumber(ms, timeZone)
  if (ago >= 0 && days === 0) return words.format(-Math.floor(ago / HOUR), 'hour')
  const time = dateTimeFormatter(locale, timeZone, TIME).format(ms)
  if (days === 1) return `${capitalised(words.format(-1, 'day'), locale)} ${time}`
  if (days > 1 && days < 7) return dateTimeFormatter(locale, timeZone, { weekday: 'short', ...TIME }).format(ms)
  const sameYear = yearIn(ms, timeZone) === yearIn(now, timeZone)
  return dateTimeFormatter(locale, timeZone, { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }), ...TIME }).format(ms)
}

/** Whether `relativeTime` says the time as a span back from now ("3 minutes ago"), not as a time of a day. */
export const saysAgo = (ms: number, now: number, timeZone: string | undefined): boolean =>
  now - ms > -MINUTE && (now - ms < HOUR || dayNumber(now, timeZone) === dayNumber(ms, timeZone))

/** A day separator's label: "Today", "Yesterday", then the weekday and date ("Fri, Dec 4"), with the year when not this one. */
export function dayLabel(ms: number, now: number, locale: string | undefined, timeZone: string | undefined): string {
  const days = dayNumber(now, timeZone) - dayNumber(ms, timeZone)
  if (days === 0 || days === 1) return capitalised(relativeFormatter(locale).format(-days, 'day'), locale)
  const sameYear = yearIn(ms, timeZone) === yearIn(now, timeZone)
  return dateTimeFormatter(locale, timeZone, { weekday: 'short', month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) }).format(
    ms,
  )
}

/** The exact time with seconds and zone, for a title and for screen readers beside a relative time: the table's own format. */
export const exactTime = (ms: number, locale: string | undefined, timeZone: string | undefined): string => formatDateTime(ms, { locale, timeZone })
