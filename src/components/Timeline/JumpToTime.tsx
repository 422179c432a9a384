import { type SubmitEvent, useEffect, useId, useRef, useState } from 'react'

import { callOptions } from '../../adapter/types'
import { validateHistogram } from '../../adapter/validateHistogram'
import { wallClockToInstant } from '../../core/dateRange'
import { formatNumber } from '../../core/format'
import { jumpDirection, jumpEdge, type JumpProblem, jumpRow, outsideRange } from '../../core/jumpToTime'
import type { AuditLogsMessages } from '../../core/messages'
import { dateTimeFormatter } from '../../core/time'
import { rangeKey } from '../../core/rangeInput'
import { useViewerConfig, useViewerResults, useViewerSearch } from '../AuditLogsProvider/context'
import { Popover } from '../Popover/Popover'

type Problem = JumpProblem | 'invalid' | 'failed'

const TIME_SHOWN: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' }

const problemText = (problem: Problem, messages: AuditLogsMessages, newestFirst: boolean): string =>
  problem === 'invalid'
    ? messages.jumpInvalid
    : problem === 'outside-range'
      ? messages.jumpOutside
      : problem === 'none-there'
        ? messages.jumpNone(newestFirst)
        : messages.jumpFailed

/**
 * "Go to time": a date and time in the viewer's zone, and the table shows the first event at or before it
 * (newest first; at or after it, oldest first) at its top, with the newer events above it, a scroll away.
 * Where that event sits comes from the adapter's `histogram` (the count on one side of one edge); the rows up
 * to it load page by page, as a scroll there would. A time outside the range, or with no event there, says so
 * and moves nothing.
 */
export function JumpToTime({ messages }: { messages: AuditLogsMessages }) {
  const { adapter, tenantId, format, showRowRef, reportError } = useViewerConfig('Timeline')
  const { search } = useViewerSearch('Timeline')
  const result = useViewerResults('Timeline')
  const id = useId()
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<Problem | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const running = useRef<AbortController | null>(null)
  const direction = jumpDirection(search)
  // What a jump said holds for its search only; another search (or sort) starts without it.
  const searchKey = `${rangeKey(search)}|${search.search ?? ''}|${JSON.stringify(search.filters ?? {})}|${JSON.stringify(search.exclude ?? {})}|${direction ?? ''}`
  const [shownFor, setShownFor] = useState(searchKey)
  if (shownFor !== searchKey) {
    setShownFor(searchKey)
    setDone(null)
    setProblem(null)
  }
  useEffect(() => () => running.current?.abort(), [])
  if (!adapter.histogram || direction === null) return null
  const newestFirst = direction === 'desc'

  const go = async (close: () => void): Promise<void> => {
    const [date = '', time = ''] = draft.split('T')
    const at = wallClockToInstant(date, time, format.timeZone)
    const before = at === null ? 'invalid' : outsideRange(at, search) ? 'outside-range' : null
    setProblem(before)
    if (at === null || before) return
    running.current?.abort()
    const controller = new AbortController()
    running.current = controller
    setBusy(true)
    try {
      const { sort: _sort, ...counted } = search
      const edges = [jumpEdge(at, direction)]
      const counts = validateHistogram(await adapter.histogram?.({ search: counted, edges }, callOptions(controller.signal, tenantId)), { edges })
      const found = jumpRow(counts, direction)
      if ('problem' in found) {
        setProblem(found.problem)
        return
      }
      if (!(await result.loadThroughRow(found.row, controller.signal))) {
        if (!controller.signal.aborted) setProblem('failed')
        return
      }
      close()
      showRowRef.current?.(found.row)
      const shown = dateTimeFormatter(format.locale, format.timeZone, TIME_SHOWN).format(at)
      setDone(messages.jumpDone(shown, found.row, formatNumber(found.row, format.locale), newestFirst))
    } catch (error) {
      if (controller.signal.aborted) return
      setProblem('failed')
      reportError(error instanceof Error ? error : new Error(String(error)), 'timeline')
    } finally {
      if (running.current === controller) setBusy(false)
    }
  }

  const problemId = `${id}-problem`
  return (
    <>
      <Popover className="ral-timeline-jump" label={messages.jumpLabel} title={messages.jumpLabel} keepMounted>
        {(close) => (
          <form
            className="ral-jump"
            noValidate
            onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
              event.preventDefault()
              if (!busy) void go(close)
            }}
          >
            <label className="ral-field">
              <span>{messages.jumpTime}</span>
              <input
                className="ral-input"
                type="datetime-local"
                step={1}
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                aria-invalid={problem === 'invalid' || problem === 'outside-range' ? true : undefined}
                aria-describedby={problem ? problemId : undefined}
                required
              />
            </label>
            <p className="ral-zone-line">{messages.timesIn(format.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone)}</p>
            {problem ? (
              <p id={problemId} className="ral-form-problem" role="alert">
                {problemText(problem, messages, newestFirst)}
              </p>
            ) : null}
            <button type="submit" className="ral-button ral-button--primary" aria-disabled={busy || undefined}>
              {busy ? messages.jumpLoading : messages.jumpSubmit}
            </button>
          </form>
        )}
      </Popover>
      <span className="ral-timeline-jumped" role="status" title={done ?? undefined}>
        {done}
      </span>
    </>
  )
}
