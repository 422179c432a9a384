import { addDays, formatISO } from 'date-fns'

import { DAY_MS, type DateRangeInput, longerThan } from './rangeInput'
import { timeZoneOffsetMinutes, toZonedIso } from './time'

export { DAY_MS, type DateRangeInput, longerThan, toDateRangeInput } from './rangeInput'

/** A calendar date `YYYY-MM-DD` as a local Date, or `null` when there is no such day (2026-02-30). */
function parseCalendarDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])]
  const date = new Date(2000, 0, 1)
  date.setFullYear(year, month, day)
  return date.getFullYear() === year && date.getMonth() === month && date.getDate() === day ? date : null
}

/** Whether text is a real calendar date `YYYY-MM-DD` (no 2026-02-30). */
const isCalendarDate = (text: string): boolean => parseCalendarDate(text) !== null

/** The calendar date after `date` (`YYYY-MM-DD`), whatever the zone: calendar arithmetic, not 24 hours. */
export function nextCalendarDate(date: string): string {
  const parsed = parseCalendarDate(date)
  if (!parsed) throw new RangeError(`"${date}" is not a calendar date`)
  return formatISO(addDays(parsed, 1), { representation: 'date' })
}

/**
 * The instant a wall-clock date and time has in a zone. Where the clock skips (spring forward) the time is
 * moved forward by the gap, so a day whose midnight does not exist starts when the clock resumes; where it
 * repeats (fall back) the earlier instant wins, so a range start covers both.
 */
export function wallClockToInstant(date: string, time: string, timeZone: string | undefined): number | null {
  const timeMatch = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time)
  if (!isCalendarDate(date) || !timeMatch) return null
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const [hours, minutes, seconds] = [Number(timeMatch[1]), Number(timeMatch[2]), Number(timeMatch[3] ?? 0)]
  if (hours > 23 || minutes > 59 || seconds > 59) return null
  const wall = Date.UTC(year, month - 1, day, hours, minutes, seconds)
  // The offsets in force around that time: a day either side covers any change.
  const offsets = new Set([wall - DAY_MS, wall, wall + DAY_MS].map((ms) => timeZoneOffsetMinutes(ms, timeZone)))
  const candidates = [...offsets].map((offset) => wall - offset * 60_000).sort((a, b) => a - b)
  const exact = candidates.find((ms) => ms + timeZoneOffsetMinutes(ms, timeZone) * 60_000 === wall)
  return exact ?? (candidates.at(-1) as number)
}

export type DateRangeProblem = 'invalid-from' | 'invalid-to' | 'to-before-from' | 'too-long'

export type DateRangeResult = { ok: true; from?: string; to?: string } | { ok: false; problem: DateRangeProblem }

/**
 * The half-open range `[from, to)` of a From and an optional To, in a zone. "To 2026-03-08" means before
 * the start of 2026-03-09 in that zone (never 23:59:59.999); a To time is exclusive. The instants are
 * written as ISO-8601 with the zone's offset. With a `limit`, a range longer than `maxDays` (an open To
 * counting as `now`) is refused.
 */
export function toInstantRange(input: DateRangeInput, timeZone: string | undefined, limit?: { maxDays: number; now: number }): DateRangeResult {
  let from: number | undefined
  let to: number | undefined
  if (input.fromDate) {
    const instant = wallClockToInstant(input.fromDate, input.fromTime || '00:00', timeZone)
    if (instant === null) return { ok: false, problem: 'invalid-from' }
    from = instant
  }
  if (input.toDate) {
    const instant = input.toTime
      ? wallClockToInstant(input.toDate, input.toTime, timeZone)
      : isCalendarDate(input.toDate)
        ? wallClockToInstant(nextCalendarDate(input.toDate), '00:00', timeZone)
        : null
    if (instant === null) return { ok: false, problem: 'invalid-to' }
    to = instant
  }
  if (from !== undefined && to !== undefined && to <= from) return { ok: false, problem: 'to-before-from' }
  // Longer than allowed, counting an open end as now: a typo in a year (1925 for 2025) is caught here.
  if (limit && from !== undefined && longerThan(from, to ?? limit.now, limit.maxDays)) return { ok: false, problem: 'too-long' }
  return {
    ok: true,
    ...(from === undefined ? {} : { from: toZonedIso(from, timeZone) }),
    ...(to === undefined ? {} : { to: toZonedIso(to, timeZone) }),
  }
}

export type RangePreset = 'last-hour' | 'last-24-hours' | 'last-7-days' | 'last-30-days'

const PRESET_LENGTH: Record<RangePreset, number> = {
  'last-hour': 3_600_000,
  'last-24-hours': DAY_MS,
  'last-7-days': 7 * DAY_MS,
  'last-30-days': 30 * DAY_MS,
}

/** A preset as an open-ended range starting that long before `now`. */
export function presetRange(preset: RangePreset, now: number, timeZone: string | undefined): { from: string } {
  return { from: toZonedIso(now - PRESET_LENGTH[preset], timeZone) }
}
