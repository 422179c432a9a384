import { toZonedIso } from './time'

// What the range inputs hold and show, and the range limit: the parts the table, the checks and the range
// button need up front. Reading typed dates into instants (`dateRange.ts`) loads with the range form.

export const DAY_MS = 86_400_000

/** Whether the range from `start` to `end` (epoch ms) spans more than `maxDays` days. */
export const longerThan = (start: number, end: number, maxDays: number): boolean => end - start > maxDays * DAY_MS

/** A range's identity, to tell whether the applied range is still the one a preset or the form made. */
export const rangeKey = ({ from, to }: { from?: string | undefined; to?: string | undefined }): string => `${from ?? ''}|${to ?? ''}`

/** What the person entered: dates `YYYY-MM-DD`, optional times `HH:mm`. Empty strings mean "not given". */
export interface DateRangeInput {
  fromDate: string
  fromTime?: string
  toDate: string
  toTime?: string
}

/** The inputs that show an applied range again: dates, and times only when they are not midnight. */
export function toDateRangeInput(range: { from?: string | undefined; to?: string | undefined }, timeZone: string | undefined): DateRangeInput {
  const split = (ms: number): [string, string] => {
    const iso = toZonedIso(ms, timeZone)
    const time = iso.slice(11, 16)
    return [iso.slice(0, 10), time === '00:00' ? '' : time]
  }
  const input: DateRangeInput = { fromDate: '', fromTime: '', toDate: '', toTime: '' }
  const from = range.from ? Date.parse(range.from) : Number.NaN
  if (!Number.isNaN(from)) [input.fromDate, input.fromTime] = split(from)
  const to = range.to ? Date.parse(range.to) : Number.NaN
  if (!Number.isNaN(to)) {
    const [date, time] = split(to)
    // An exclusive midnight shows as the inclusive day before it.
    if (time === '') [input.toDate, input.toTime] = [split(to - 1)[0], '']
    else [input.toDate, input.toTime] = [date, time]
  }
  return input
}
