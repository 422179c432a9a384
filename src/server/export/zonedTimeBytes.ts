import { timeZoneOffsetMinutes } from '../../core/time'

const MINUTES_PER_DAY = 1440

// Days from 1970-01-01 to a civil date and back (proleptic Gregorian; H. Hinnant's algorithms, exact for every year).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

// The civil date of a day, into `civil` as [year, month, day] (no array made per call).
const civil = new Int32Array(3)
function civilFromDays(days: number): void {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shifted = Math.floor((5 * dayOfYear + 2) / 153)
  const month = shifted + (shifted < 10 ? 3 : -9)
  civil[0] = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  civil[1] = month
  civil[2] = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** The number a row's two digits at `at` make. */
const twoDigits = (row: Buffer, at: number): number => ((row[at] as number) - 48) * 10 + (row[at + 1] as number) - 48

/** Writes `value` as `width` decimal digits into `out` at `at`. */
function writeDigits(out: Buffer, at: number, value: number, width: number): void {
  for (let place = width - 1; place >= 0; place -= 1) {
    out[at + place] = 48 + (value % 10)
    value = Math.floor(value / 10)
  }
}

/**
 * A time in the UTC form (`YYYY-MM-DDTHH:MM:SS.sssZ`, its 24 bytes at `start` of `row`, checked by the caller to
 * be digits and separators) written as `toZonedIso` writes it in `timeZone` (`…T…+01:00`), into `out` at `at`,
 * from the time's digits: the zone's offset is whole minutes, so seconds and milliseconds stay as they are, and
 * no `Date` is made per cell. Returns where it ends, or -1 where the text is not a real time or the moved time
 * leaves the years 0000–9999 (the caller then writes it the general way).
 */
export function zonedTimeBytes(row: Buffer, start: number, timeZone: string, out: Buffer, at: number): number {
  const year = twoDigits(row, start) * 100 + twoDigits(row, start + 2)
  const month = twoDigits(row, start + 5)
  const day = twoDigits(row, start + 8)
  const hour = twoDigits(row, start + 11)
  const minute = twoDigits(row, start + 14)
  const second = twoDigits(row, start + 17)
  const monthDays = (DAYS_IN_MONTH[month] ?? 0) + (month === 2 && isLeapYear(year) ? 1 : 0)
  if (month < 1 || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return -1
  const days = daysFromCivil(year, month, day)
  const millisecond = second * 1000 + twoDigits(row, start + 20) * 10 + (row[start + 22] as number) - 48
  const offset = timeZoneOffsetMinutes(((days * 24 + hour) * 60 + minute) * 60_000 + millisecond, timeZone)
  // Without an offset the time is written in the UTC form: the text itself.
  if (offset === 0) {
    for (let offset = 0; offset < 24; offset += 1) out[at + offset] = row[start + offset] as number
    return at + 24
  }
  const moved = days * MINUTES_PER_DAY + hour * 60 + minute + offset
  const movedDays = Math.floor(moved / MINUTES_PER_DAY)
  const minuteOfDay = moved - movedDays * MINUTES_PER_DAY
  civilFromDays(movedDays)
  const movedYear = civil[0] as number
  if (movedYear < 0 || movedYear > 9999) return -1
  writeDigits(out, at, movedYear, 4)
  out[at + 4] = 45 /* - */
  writeDigits(out, at + 5, civil[1] as number, 2)
  out[at + 7] = 45
  writeDigits(out, at + 8, civil[2] as number, 2)
  out[at + 10] = 84 /* T */
  writeDigits(out, at + 11, Math.floor(minuteOfDay / 60), 2)
  out[at + 13] = 58 /* : */
  writeDigits(out, at + 14, minuteOfDay % 60, 2)
  // `:SS.sss` as it came.
  for (let offset = 16; offset < 23; offset += 1) out[at + offset] = row[start + offset] as number
  const absolute = Math.abs(offset)
  out[at + 23] = offset > 0 ? 43 /* + */ : 45
  writeDigits(out, at + 24, Math.floor(absolute / 60), 2)
  out[at + 26] = 58
  writeDigits(out, at + 27, absolute % 60, 2)
  return at + 29
}
