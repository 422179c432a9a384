import { dateTimeFormatter, toZonedIso, withSubMilliseconds } from './time'

const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
]

/**
 * "3 hours ago", "in 2 days": the largest unit, rounded, in the locale's words. Always a number ("1 week ago",
 * never "last week"): a calendar word would name the previous calendar week for an event 13 days old.
 */
export function formatRelativeTime(ms: number, now: number, locale: string | undefined): string {
  const difference = ms - now
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' })
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(difference) >= size) return format.format(Math.round(difference / size), unit)
  }
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'second')
}

/** Every way an admin may need to read one instant (the seed's list): for the detail view and tests. */
export interface TimeRepresentations {
  /** Date and time with milliseconds in the chosen zone and locale. */
  local: string
  /** `Wed, 17 Nov 2021 08:02:46 GMT` */
  utc: string
  /** ISO-8601 with the chosen zone's offset. */
  iso: string
  /** `Date.prototype.toJSON`: ISO-8601 in UTC. */
  json: string
  /** Epoch milliseconds. */
  epoch: string
  /** "3 hours ago". */
  relative: string
}

export function timeRepresentations(
  ms: number,
  options: {
    locale?: string | undefined
    timeZone?: string | undefined
    now?: number
    /** Digits of the source's fraction beyond the millisecond (`subMillisecondDigits`), kept in the ISO forms. */
    subMilliseconds?: string
  },
): TimeRepresentations {
  const date = new Date(ms)
  const extra = options.subMilliseconds ?? ''
  return {
    local: dateTimeFormatter(options.locale, options.timeZone, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
      timeZoneName: 'long',
      // A year before 1 or beyond 9999 reads as a mistake or another date without its era.
      era: Math.abs(new Date(ms).getUTCFullYear() - 5000) > 4999 ? 'short' : undefined,
    }).format(ms),
    utc: date.toUTCString(),
    iso: withSubMilliseconds(toZonedIso(ms, options.timeZone), extra),
    json: withSubMilliseconds(date.toJSON(), extra),
    epoch: extra === '' ? String(ms) : `${String(ms)}.${extra}`,
    relative: formatRelativeTime(ms, options.now ?? Date.now(), options.locale),
  }
}
