import { useEffect, useId, useRef, useState } from 'react'

import { formatNumber } from '../../core/format'
import { filterKeyOf } from '../../core/queryable'
import type { HistogramBucket } from '../../core/histogram'
import type { AuditField } from '../../core/types'
import { useHistogram } from '../../hooks/useHistogram'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { useViewerConfig, useViewerSearch } from '../AuditLogsProvider/context'
import { barTone, edgeText } from './bucketText'
import { JumpToTime } from './JumpToTime'
import { TimelineBars } from './TimelineBars'

export interface TimelineProps {
  /** Whether the bars show; the header with its button always does. */
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** About one bar per this many pixels, so a phone gets fewer, wider bars than a desktop. */
const PIXELS_PER_BAR = 8
const [FEWEST_BARS, MOST_BARS] = [12, 60]
const LEGEND_VALUES = 4

/** The split values of all bars with their totals, most frequent first. */
function valueTotals(buckets: readonly HistogramBucket[]): Array<{ value: string; count: number }> {
  const totals = new Map<string, number>()
  for (const bucket of buckets) for (const group of bucket.groups) totals.set(group.value, (totals.get(group.value) ?? 0) + group.count)
  return [...totals].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count)
}

/**
 * The timeline above the table: the current search's events per bucket of time (minutes to months, in the
 * viewer's zone), split by the result or severity field so failures stand out by pattern and legend as well
 * as colour. A drag across it or the keyboard sets the range; a click zooms to one bar.
 */
export function Timeline({ open, onOpenChange }: TimelineProps) {
  const { adapter, fields, format, tenantId, messages: provided, reportError } = useViewerConfig('Timeline')
  const { search, pushSearch } = useViewerSearch('Timeline')
  const messages = useAllMessages(provided)
  const id = useId()
  const plot = useRef<HTMLDivElement>(null)
  const [maxBuckets, setMaxBuckets] = useState<number | null>(null)
  // An open range ends when the viewer opened (to the minute, so the bars' key holds still).
  const [now] = useState(() => Math.ceil(Date.now() / 60_000) * 60_000)
  const splitField: AuditField<never> | undefined =
    fields.find((field) => field.type === 'status') ?? fields.find((field) => field.type === 'severity')
  const splitBy = splitField ? (filterKeyOf(splitField, adapter) ?? undefined) : undefined
  const { histogram, size, error, empty, pending } = useHistogram({
    adapter,
    tenantId,
    search,
    timeZone: format.timeZone,
    splitBy,
    maxBuckets: open ? maxBuckets : null,
    now,
  })

  useEffect(() => {
    const element = plot.current
    if (!element) return
    const measure = (): void => setMaxBuckets(Math.max(FEWEST_BARS, Math.min(MOST_BARS, Math.floor(element.clientWidth / PIXELS_PER_BAR))))
    measure()
    // Test environments (jsdom) have no ResizeObserver: the first width stands.
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [open])
  useEffect(() => {
    if (error) reportError(error, 'timeline')
  }, [error, reportError])

  const number = (count: number): string => formatNumber(count, format.locale)
  const legend = histogram ? valueTotals(histogram.buckets).slice(0, LEGEND_VALUES) : []
  const first = histogram?.buckets[0]
  const last = histogram?.buckets.at(-1)
  const showRange = (from: string, to: string): void => pushSearch((previous) => ({ ...previous, from, to }))
  return (
    // A group, not a landmark: two viewers on one page would have two landmarks of one name.
    <div role="group" className="ral-timeline" data-open={open} aria-labelledby={`${id}-toggle`}>
      <div className="ral-timeline-head">
        <button
          id={`${id}-toggle`}
          type="button"
          className="ral-timeline-toggle"
          aria-expanded={open}
          aria-controls={`${id}-plot`}
          onClick={() => onOpenChange(!open)}
        >
          {messages.timelineLabel}
        </button>
        {open && size ? <span className="ral-timeline-size">{messages.timelineBucketSize(size)}</span> : null}
        <JumpToTime messages={messages} />
        {open && legend.length > 0 ? (
          <ul className="ral-timeline-legend">
            {legend.map(({ value, count }) => (
              <li key={value}>
                <span className={`ral-timeline-swatch ral-timeline-segment--${barTone(value, splitField)}`} aria-hidden="true" />
                {(value && messages.valueWords?.[value.toLowerCase()]) || value || messages.timelineNoValue}{' '}
                <span className="ral-timeline-count">{number(count)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div id={`${id}-plot`} ref={plot} className="ral-timeline-body" hidden={!open}>
        {!open ? null : histogram && size ? (
          <>
            <TimelineBars histogram={histogram} size={size} splitField={splitField} format={format} messages={messages} onRange={showRange} />
            <div className="ral-timeline-axis">
              <span className="ral-timeline-edge" data-count={histogram.before}>
                {histogram.before > 0 ? `${messages.timelineBefore(histogram.before, number(histogram.before))} · ` : ''}
                {first ? edgeText(first.start, size, format) : ''}
              </span>
              <span className="ral-timeline-edge" data-count={histogram.after}>
                {last ? edgeText(last.end, size, format, true) : ''}
                {histogram.after > 0 ? ` · ${messages.timelineAfter(histogram.after, number(histogram.after))}` : ''}
              </span>
            </div>
          </>
        ) : (
          <p className="ral-timeline-state" role="status">
            {error ? messages.timelineFailed : empty ? messages.timelineEmpty : pending ? messages.timelineLoading : ''}
          </p>
        )}
      </div>
    </div>
  )
}
