import { useId, useState } from 'react'

import { type FormatOptions, formatNumber } from '../../core/format'
import type { Histogram } from '../../core/histogram'
import type { TimelineMessages } from '../../core/timelineMessages'
import type { BucketSize } from '../../core/timeBuckets'
import type { AuditField } from '../../core/types'
import { groupsText, spanText, toneCounts } from './bucketText'
import { useBarSelection } from './useBarSelection'

export interface TimelineBarsProps {
  histogram: Histogram
  size: BucketSize
  /** The field that splits each bar (its tones say which values are failures). */
  splitField: AuditField<never> | undefined
  format: FormatOptions
  messages: TimelineMessages
  /** Sets the search's range to `[from, to)`: the edges of the first and last bar picked. */
  onRange: (from: string, to: string) => void
}

/**
 * The bars of the timeline: a listbox of buckets (several can be selected) that holds focus itself, so
 * bars drawn anew for the new range never take the keyboard's place away. Each bar is named by its span and
 * counts; the tooltip shows the same for the bar under the pointer, the drag, or the active bar.
 */
export function TimelineBars({ histogram, size, splitField, format, messages, onRange }: TimelineBarsProps) {
  const { buckets } = histogram
  const id = useId()
  const [focused, setFocused] = useState(false)
  const selection = useBarSelection(buckets.length, (low, high) => {
    const [first, last] = [buckets[low], buckets[high]]
    if (first && last) onRange(first.start, last.end)
  })
  const { active, low, high, hovered, dragging } = selection
  const highest = Math.max(1, ...buckets.map((bucket) => bucket.count))
  const labelOf = (index: number): string => {
    const bucket = buckets[index]
    if (!bucket) return ''
    const span = spanText(bucket.start, bucket.end, size, format)
    return messages.timelineBar(
      span,
      bucket.count,
      formatNumber(bucket.count, format.locale),
      groupsText(bucket, messages.timelineNoValue, format.locale),
    )
  }
  const shown = dragging ? null : (hovered ?? (focused ? active : null))
  const tip =
    dragging && buckets[low] && buckets[high] ? spanText(buckets[low].start, buckets[high].end, size, format) : shown === null ? null : labelOf(shown)
  const tipAt = (dragging ? (low + high + 1) / 2 : (shown ?? 0) + 0.5) / Math.max(buckets.length, 1)
  // Near an end the tip grows inwards, so it never leaves the viewer's box.
  const tipSide = tipAt < 0.25 ? 'start' : tipAt > 0.75 ? 'end' : 'middle'

  return (
    <div className="ral-timeline-plot">
      <div
        className="ral-timeline-bars"
        role="listbox"
        aria-multiselectable="true"
        aria-label={`${messages.timelineLabel}, ${messages.timelineBucketSize(size)}`}
        aria-describedby={`${id}-keys`}
        aria-activedescendant={buckets.length > 0 ? `${id}-${String(active)}` : undefined}
        tabIndex={0}
        dir="ltr"
        data-picking={dragging || focused ? '' : undefined}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        {...selection.handlers}
      >
        {buckets.map((bucket, index) => (
          <div
            key={bucket.start}
            id={`${id}-${String(index)}`}
            role="option"
            aria-selected={index >= low && index <= high}
            aria-label={labelOf(index)}
            className="ral-timeline-bar"
            data-count={bucket.count}
            data-start={bucket.start}
            data-end={bucket.end}
            data-active={index === active ? '' : undefined}
          >
            <span className="ral-timeline-stack" style={{ height: `${String((bucket.count / highest) * 100)}%` }}>
              {toneCounts(bucket, splitField).map(({ tone, count }) => (
                <span key={tone} className={`ral-timeline-segment ral-timeline-segment--${tone}`} style={{ flexGrow: count }} />
              ))}
            </span>
          </div>
        ))}
      </div>
      <p id={`${id}-keys`} className="ral-visually-hidden">
        {messages.timelineKeys}
      </p>
      {tip === null ? null : (
        <div className="ral-timeline-tip" data-side={tipSide} aria-hidden="true" style={{ left: `${String(tipAt * 100)}%` }}>
          {tip}
        </div>
      )}
    </div>
  )
}
