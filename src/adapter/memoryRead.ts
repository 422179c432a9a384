// How the memory adapter reads events: a key's value, an event's time, text in order.
import { getPath } from '../core/path'
import { toEpochMs } from '../core/time'
import type { AuditEvent } from '../core/types'

/** An event's time as epoch ms, or `null` when it cannot be read. Read when a query needs it, not for every event up front. */
export const timeOf = (event: AuditEvent | undefined): number | null => (event === undefined ? null : toEpochMs(event.createdAt))

/** The time of the event at a position of one list. */
export type TimeAt = (index: number) => number | null

/**
 * The times of a list's events by position, read all at once the first time one is asked for and kept: a list
 * sorted by another key than time, filtered by one range after another, reads each time once.
 */
export function keptTimes(events: readonly AuditEvent[]): TimeAt {
  let times: Float64Array | undefined
  return (index) => {
    times ??= Float64Array.from(events, (event) => timeOf(event) ?? Number.NaN)
    const time = times[index] ?? Number.NaN
    return Number.isNaN(time) ? null : time
  }
}

/** How a query's filter and sort keys are read from an event: a dot path, or a derived field's accessor. */
export type ReadKey = (event: AuditEvent, key: string) => unknown

export const readPath: ReadKey = (event, key) => getPath(event, key)

/** Text in a natural order ("item 2" before "item 10"), ignoring case and accents. */
export const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })
