import { type MouseEvent, type SubmitEvent, useId, useMemo, useState } from 'react'

import { type DateRangeInput, type DateRangeProblem, presetRange, type RangePreset, toDateRangeInput, toInstantRange } from '../../core/dateRange'
import { rangeKey } from '../../core/rangeInput'
import { useViewerConfig, useViewerSearch } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'

export type PresetChoice = RangePreset | 'all' | 'custom'

export interface DateRangeSearchProps {
  className?: string
  /** The zones offered besides the user's own and UTC. Defaults to every zone the browser knows. */
  timeZones?: readonly string[]
  /** The preset that made the applied range, when the form is drawn again (the range button's panel). */
  initialPreset?: PresetChoice
  /** Called with each range the form applies and the preset that made it (`custom` for typed dates). */
  onApplied?: (range: { from?: string; to?: string }, preset: PresetChoice) => void
}

const PRESETS: readonly PresetChoice[] = ['all', 'last-hour', 'last-24-hours', 'last-7-days', 'last-30-days']

const allTimeZones = (): readonly string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [])

/**
 * Presets that apply at once, From and optional To dates (native date inputs, optional times) applied with
 * the Apply button or Enter, and the time zone behind "Change". The range is half-open and computed in the
 * chosen zone; a To before From is refused with a message and nothing is lost.
 */
export function DateRangeSearch({ className, timeZones, initialPreset, onApplied }: DateRangeSearchProps) {
  const { format, messages: provided, setTimeZone, timeZonePinned, maxRangeDays } = useViewerConfig('DateRangeSearch')
  const { search, setSearch } = useViewerSearch('DateRangeSearch')
  const messages = useAllMessages(provided)
  const timeZone = format.timeZone
  const [draft, setDraft] = useState<DateRangeInput>(() => toDateRangeInput(search, timeZone))
  const [preset, setPreset] = useState<PresetChoice>(initialPreset ?? (search.from || search.to ? 'custom' : 'all'))
  const [zoneOpen, setZoneOpen] = useState(false)
  const [problem, setProblem] = useState<DateRangeProblem | null>(null)

  // The applied range or the zone can change from outside (the host, a link, another part): the inputs
  // show it. A range this form applied itself keeps the preset that made it.
  const range = rangeKey(search)
  const [shown, setShown] = useState({ range, timeZone })
  const [ownRange, setOwnRange] = useState<string | null>(null)
  if (range !== shown.range || timeZone !== shown.timeZone) {
    setShown({ range, timeZone })
    setDraft(toDateRangeInput(search, timeZone))
    setProblem(null)
    if (range !== shown.range && range !== ownRange) setPreset(search.from || search.to ? 'custom' : 'all')
  }
  const id = useId()
  const userZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, [])
  const zones = useMemo(() => (timeZones ?? allTimeZones()).filter((zone) => zone !== userZone && zone !== 'UTC'), [timeZones, userZone])

  const applyRange = (range: { from?: string; to?: string }, choice: PresetChoice): void => {
    setOwnRange(rangeKey(range))
    setSearch(({ from: _from, to: _to, ...rest }) => ({ ...rest, ...range }))
    onApplied?.(range, choice)
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const result = toInstantRange(draft, timeZone, { maxDays: maxRangeDays, now: Date.now() })
    if (!result.ok) {
      setProblem(result.problem)
      return
    }
    setProblem(null)
    const { ok: _ok, ...range } = result
    applyRange(range, 'custom')
  }

  const onPresetClick = (event: MouseEvent<HTMLButtonElement>): void => {
    const choice = event.currentTarget.value as PresetChoice
    setPreset(choice)
    setProblem(null)
    const range = choice === 'all' || choice === 'custom' ? {} : presetRange(choice, Date.now(), timeZone)
    setDraft(toDateRangeInput(range, timeZone))
    applyRange(range, choice)
  }

  // A preset's times are the time of day it was picked: a date typed after it means that whole day, so both
  // times are cleared and the inputs show the range that will be searched.
  const edit = (end: 'from' | 'to', [date, time]: DateAndTime): void => {
    const afterPreset = preset !== 'custom' && date !== draft[`${end}Date`]
    setDraft((previous) =>
      afterPreset ? { ...previous, fromTime: '', toTime: '', [`${end}Date`]: date } : { ...previous, [`${end}Date`]: date, [`${end}Time`]: time },
    )
    setPreset('custom')
  }

  const problemId = `${id}-problem`
  const invalid = (which: 'from' | 'to'): boolean =>
    problem === `invalid-${which}` || (problem === 'to-before-from' && which === 'to') || (problem === 'too-long' && which === 'from')

  return (
    <form className={['ral-range', className].filter(Boolean).join(' ')} aria-label={messages.rangeFormLabel} onSubmit={onSubmit} noValidate>
      <div className="ral-presets" role="group" aria-label={messages.rangePresetLabel}>
        {PRESETS.map((choice) => (
          <button key={choice} type="button" className="ral-preset" value={choice} aria-pressed={choice === preset} onClick={onPresetClick}>
            {messages.rangePresets[choice]}
          </button>
        ))}
      </div>
      {(['from', 'to'] as const).map((end) => (
        <RangeEnd
          key={end}
          labels={end === 'from' ? [messages.from, messages.fromTime] : [messages.to, messages.toTime]}
          value={[draft[`${end}Date`], draft[`${end}Time`] ?? '']}
          onChange={(value) => edit(end, value)}
          invalid={invalid(end)}
          describedBy={problem ? problemId : undefined}
        />
      ))}
      {!zoneOpen ? (
        <p className="ral-zone-line">
          {messages.timesIn(timeZone ?? userZone)}
          {timeZonePinned ? null : (
            <button type="button" className="ral-link" onClick={() => setZoneOpen(true)} aria-label={messages.changeTimeZone}>
              {messages.change}
            </button>
          )}
        </p>
      ) : (
        <label className="ral-field">
          <span>{messages.timeZoneLabel}</span>
          <select
            className="ral-select"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
            disabled={timeZonePinned}
            // Opened from "Change", which it replaces: focus goes on to it.
            autoFocus
          >
            <option value={userZone}>{messages.userTimeZone(userZone)}</option>
            <option value="UTC">UTC</option>
            {timeZone && timeZone !== userZone && timeZone !== 'UTC' && !zones.includes(timeZone) ? (
              <option value={timeZone}>{timeZone}</option>
            ) : null}
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="ral-button ral-button--primary">
        {messages.searchButton}
      </button>
      {problem ? (
        <p id={problemId} className="ral-form-problem" role="alert">
          {problem === 'too-long' ? messages.rangeTooLong(maxRangeDays) : messages.rangeProblems[problem]}
        </p>
      ) : null}
    </form>
  )
}

/** A date and a time of day, as the two inputs hold them. */
type DateAndTime = readonly [date: string, time: string]

interface RangeEndProps {
  /** The date input's label, then the time input's. */
  labels: DateAndTime
  value: DateAndTime
  onChange: (value: DateAndTime) => void
  invalid: boolean
  describedBy: string | undefined
}

/** One end of the range: a labelled native date input and an optional time of day. */
function RangeEnd({ labels: [dateLabel, timeLabel], value: [date, time], onChange, invalid, describedBy }: RangeEndProps) {
  return (
    <div className="ral-range-end">
      <label className="ral-field">
        <span>{dateLabel}</span>
        <input
          type="date"
          className="ral-input"
          value={date}
          onChange={(event) => onChange([event.target.value, time])}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      </label>
      <label className="ral-field ral-field--time">
        <span>{timeLabel}</span>
        <input type="time" className="ral-input" value={time} onChange={(event) => onChange([date, event.target.value])} />
      </label>
    </div>
  )
}
