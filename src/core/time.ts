/**
 * Epoch milliseconds of an event time (ISO-8601 string or epoch ms), or `null` when it is not a valid
 * instant. Strings without an offset are rejected: an audit instant without a zone is ambiguous.
 */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

// Date and time with a zone designator (Z or ±hh:mm); fractional seconds optional.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i

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

/** Whether the runtime knows this IANA time zone (or `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return true
  } catch {
    return false
  }
}
