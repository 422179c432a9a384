import { lazy, Suspense, useState } from 'react'

import { rangeKey, toDateRangeInput } from '../../core/rangeInput'
import { dateTimeFormatter } from '../../core/time'
import type { FormatOptions } from '../../core/format'
import type { CoreMessages } from '../../core/messages'
import type { AuditSearch } from '../../core/types'
import { useViewerConfig, useViewerSearch } from '../AuditLogsProvider/context'
import { Popover, type PopoverButtonProps } from '../Popover/Popover'
import type { PresetChoice } from './DateRangeSearch'

// The form loads when the button is first pointed at or focused: the bar itself only says the range.
const loadForm = () => import('./DateRangeSearch')
const DateRangeSearch = lazy(async () => ({ default: (await loadForm()).DateRangeSearch }))

/** Any prop of the button element (`className` is added to the part's own, handlers run before its own). */
export interface DateRangeButtonProps extends PopoverButtonProps {
  /** The zones offered besides the user's own and UTC. Defaults to every zone the browser knows. */
  timeZones?: readonly string[]
}

/** "Nov 10" (with the year when it is not this year's) and the time when it is not midnight. */
function dayText(date: string, time: string | undefined, locale: string | undefined): string | undefined {
  if (!date) return undefined
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const sameYear = year === new Date().getFullYear()
  const text = dateTimeFormatter(locale, 'UTC', { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) }).format(
    Date.UTC(year, month - 1, day),
  )
  return time ? `${text} ${time}` : text
}

/** What the button says: the preset that made the range, or its days in the zone. */
export function rangeButtonText(search: AuditSearch, preset: PresetChoice | undefined, format: FormatOptions, messages: CoreMessages): string {
  if (!search.from && !search.to) return messages.rangePresets.all
  if (preset && preset !== 'custom') return messages.rangePresets[preset]
  const input = toDateRangeInput(search, format.timeZone)
  const zone = format.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  return messages.rangeLabel(dayText(input.fromDate, input.fromTime, format.locale), dayText(input.toDate, input.toTime, format.locale), zone)
}

/**
 * The date range as one button that says it ("Last 7 days", "Nov 10 – Nov 12 (UTC)") and opens the range
 * form in a panel: a preset applies at once, typed dates on Apply; closing the panel keeps the range as it was.
 */
export function DateRangeButton({ className, timeZones, ...props }: DateRangeButtonProps) {
  const { format, messages } = useViewerConfig('DateRangeButton')
  const { search } = useViewerSearch('DateRangeButton')
  // The preset that made the applied range, as long as that range is still the applied one.
  const [made, setMade] = useState<{ range: string; preset: PresetChoice } | null>(null)
  const preset = made?.range === rangeKey(search) ? made.preset : undefined
  const text = rangeButtonText(search, preset, format, messages)
  return (
    <Popover
      {...props}
      className={['ral-range-button', className].filter(Boolean).join(' ')}
      title={messages.rangeFormLabel}
      onPreload={() => void loadForm()}
      accessibleName={`${messages.rangeFormLabel}: ${text}`}
      // In its own box, so a phone's bar can cut a long range with "…" (the button's name says it whole).
      label={<span className="ral-range-text">{text}</span>}
    >
      {(close) => (
        <Suspense fallback={<p className="ral-state">{messages.loading}</p>}>
          <DateRangeSearch
            {...(timeZones ? { timeZones } : {})}
            {...(preset ? { initialPreset: preset } : {})}
            onApplied={(range, choice) => {
              setMade({ range: rangeKey(range), preset: choice })
              close()
            }}
          />
        </Suspense>
      )}
    </Popover>
  )
}
