import type { FormatOptions } from '../../core/format'
import { formatNumber, toneOf } from '../../core/format'
import type { HistogramBucket } from '../../core/histogram'
import { dateTimeFormatter } from '../../core/time'
import type { BucketSize } from '../../core/timeBuckets'
import type { AuditField } from '../../core/types'

/** How a bar is drawn: failures hatched, warnings dotted, the rest solid (never colour alone). */
export type BarTone = 'danger' | 'warning' | 'other'

const DATE_ONLY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' }
const OPTIONS: Record<BucketSize['unit'], Intl.DateTimeFormatOptions> = {
  minute: { ...DATE_ONLY, hour: '2-digit', minute: '2-digit' },
  hour: { ...DATE_ONLY, hour: '2-digit', minute: '2-digit' },
  day: { weekday: 'short', ...DATE_ONLY, year: 'numeric' },
  week: { ...DATE_ONLY, year: 'numeric' },
  month: { month: 'short', year: 'numeric' },
  year: { year: 'numeric' },
}

/**
 * A span of time as the bars read it, in the viewer's zone: "Mar 29, 01:00 – 03:00" for hours (a DST gap
 * shows as the wall clock has it), "Sun, Mar 29, 2026" for a day, "Mar 2026" for a month.
 */
export function spanText(start: string, end: string, size: BucketSize, format: FormatOptions): string {
  const dates = size.unit !== 'minute' && size.unit !== 'hour'
  const formatter = dateTimeFormatter(format.locale, format.timeZone, OPTIONS[size.unit])
  // A day-or-longer bucket ends at the next one's midnight: its last moment is the day it covers.
  return formatter.formatRange(Date.parse(start), Date.parse(end) - (dates ? 1 : 0))
}

/** An edge of the bars as the axis reads it: a start, or (`end`) the last moment a bar covers. */
export function edgeText(edge: string, size: BucketSize, format: FormatOptions, end = false): string {
  const dates = size.unit !== 'minute' && size.unit !== 'hour'
  return dateTimeFormatter(format.locale, format.timeZone, OPTIONS[size.unit]).format(Date.parse(edge) - (end && dates ? 1 : 0))
}

/** A split value's tone: the split field's tones, so a failure is a failure wherever the table says so. */
export function barTone(value: string, field: AuditField<never> | undefined): BarTone {
  const tone = toneOf(value, field)
  return tone === 'danger' ? 'danger' : tone === 'warning' ? 'warning' : 'other'
}

export interface ToneCount {
  tone: BarTone
  count: number
}

const ORDER: readonly BarTone[] = ['danger', 'warning', 'other']

/** A bucket's counts by tone, failures first (drawn at the bar's foot, where they are seen). */
export function toneCounts(bucket: HistogramBucket, field: AuditField<never> | undefined): ToneCount[] {
  const counts = new Map<BarTone, number>()
  let grouped = 0
  for (const group of bucket.groups) {
    const tone = barTone(group.value, field)
    counts.set(tone, (counts.get(tone) ?? 0) + group.count)
    grouped += group.count
  }
  // An adapter may leave small groups out: the rest of the count is drawn plain.
  if (grouped < bucket.count) counts.set('other', (counts.get('other') ?? 0) + bucket.count - grouped)
  return ORDER.flatMap((tone) => {
    const count = counts.get(tone) ?? 0
    return count > 0 ? [{ tone, count }] : []
  })
}

/** A bucket's counts by value in words: "failed 3, success 9". */
export function groupsText(bucket: HistogramBucket, noValue: string, locale: string | undefined): string {
  return bucket.groups.map((group) => `${group.value || noValue} ${formatNumber(group.count, locale)}`).join(', ')
}
