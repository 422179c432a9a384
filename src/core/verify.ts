import { toEpochMs } from './time'
import type { AuditEvent, AuditSearch } from './types'

/** The events of a page that lie in the searched half-open range `[from, to)`, and how many did not. */
export interface RangeSplit<TEvent> {
  inside: TEvent[]
  outside: number
}

/**
 * Keeps what a backend sent inside the range it was asked for. An event outside it is no match, whatever the
 * backend says: it is counted, not shown nor exported under that range's name. An event whose time cannot be
 * read stays (it is shown as unreadable, with its raw time).
 */
export function splitByRange<TEvent extends AuditEvent>(events: TEvent[], search: Pick<AuditSearch, 'from' | 'to'>): RangeSplit<TEvent> {
  const from = search.from ? toEpochMs(search.from) : null
  const to = search.to ? toEpochMs(search.to) : null
  if (from === null && to === null) return { inside: events, outside: 0 }
  const isOutside = (event: TEvent): boolean => {
    const ms = toEpochMs(event.createdAt)
    return ms !== null && ((from !== null && ms < from) || (to !== null && ms >= to))
  }
  // The common case, checked without allocating: every event inside.
  if (!events.some(isOutside)) return { inside: events, outside: 0 }
  const inside = events.filter((event) => !isOutside(event))
  return { inside, outside: events.length - inside.length }
}

export interface TotalCheck {
  /** The count to show: the backend's, unless the delivered events contradict it; `undefined` when unknown. */
  total: number | undefined
  /** The backend's own total, when the delivered events contradict it. */
  contradicted: number | undefined
}

/**
 * A backend's `total`, checked against what it delivered. When every page is in, the delivered events are the
 * count; before that, a total below what already arrived is no total. `shown` is the events the viewer kept,
 * `outside` those it left out as outside the range (the backend counted them as matches).
 */
export function checkTotal(reported: number | undefined, shown: number, outside: number, complete: boolean): TotalCheck {
  if (reported === undefined) return { total: undefined, contradicted: undefined }
  const delivered = shown + outside
  if (complete) return { total: shown, contradicted: reported === delivered ? undefined : reported }
  if (reported < delivered) return { total: undefined, contradicted: reported }
  return { total: reported - outside, contradicted: undefined }
}
