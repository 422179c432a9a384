// Sorting the memory adapter's events: by any field, absent values last, instants to the nanosecond.
import { subMillisecondDigits, toEpochMs } from '../core/time'
import type { AuditEvent, AuditSort } from '../core/types'

import { collator, readPath, type ReadKey, timeOf } from './memoryRead'

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return collator.compare(typeof a === 'string' ? a : JSON.stringify(a), typeof b === 'string' ? b : JSON.stringify(b))
}

const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === ''

/** An instant's digits past the millisecond, as six (micro- and nanoseconds compare as text of one width). */
const finerDigits = (value: unknown): string => subMillisecondDigits(value).padEnd(6, '0')

/**
 * A value as it sorts: an ISO instant as fixed-width UTC text with every fractional digit (so `…:00.12Z` and
 * `…:00.119500Z`, or two zones, compare as the instants they are, not digit runs); anything else as it is.
 */
function sortValue(value: unknown): unknown {
  const ms = typeof value === 'string' ? toEpochMs(value) : null
  return ms === null ? value : `${new Date(ms).toISOString().slice(0, -1)}${finerDigits(value)}`
}

/**
 * `toISOString`'s form of an instant that exists: a day the month has (the 29th of February in any year, checked
 * apart), a time of day. Two such texts order as their instants do, so a list of them is checked for order
 * without reading one time.
 */
const CANONICAL_INSTANT =
  /^\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2\d))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/

/** Whether a CANONICAL_INSTANT text is on a 29th of February (`-02-29`), which only leap years have. */
const onLeapDay = (text: string): boolean =>
  text.charCodeAt(5) === 48 && text.charCodeAt(6) === 50 && text.charCodeAt(8) === 50 && text.charCodeAt(9) === 57

/** Whether a text is `toISOString`'s form of an instant that exists. */
const isCanonicalInstant = (text: string): boolean => CANONICAL_INSTANT.test(text) && (!onLeapDay(text) || toEpochMs(text) !== null)

/**
 * Whether every time is `toISOString`'s form and each strictly after (`sign` 1) or before (-1) the one before
 * it: sorted, with no ties to break. Compares the texts, as they order as the instants do.
 */
function inCanonicalOrder(events: readonly AuditEvent[], sign: number): boolean {
  let before = ''
  for (let index = 0; index < events.length; index += 1) {
    const time = events[index]?.createdAt
    if (typeof time !== 'string' || !isCanonicalInstant(time)) return false
    if (index > 0 && (sign > 0 ? time <= before : time >= before)) return false
    before = time
  }
  return true
}

/**
 * Events sorted by one key (time by instant, numbers numerically, text by collation); missing values
 * last in either direction; ties broken by id so pages never overlap. The given list is left as it is.
 */
export function sortEvents<TEvent extends AuditEvent>(events: readonly TEvent[], sort: AuditSort, read: ReadKey = readPath): readonly TEvent[] {
  const sign = sort.direction === 'asc' ? 1 : -1
  // Ties are broken by id, so pages never overlap.
  const byId = (aId: string, bId: string): number => sign * (aId < bId ? -1 : aId > bId ? 1 : 0)
  const compare = (a: unknown, b: unknown, aId: string, bId: string): number => {
    const aAbsent = isAbsent(a)
    const bAbsent = isAbsent(b)
    if (aAbsent || bAbsent) {
      if (aAbsent !== bAbsent) return aAbsent ? 1 : -1
    } else {
      const order = compareValues(a, b)
      if (order !== 0) return sign * order
    }
    return byId(aId, bId)
  }
  // Positions are sorted, not the events, so each value is read once per event, not twice per comparison (a
  // derived field's accessor may be costly). `finer` orders two equal times.
  const ordered = (values: readonly unknown[], finer?: (a: number, b: number) => number): TEvent[] => {
    const idAt = (index: number): string => (events[index] as TEvent).id
    const positions = Array.from(values, (_, index) => index)
    positions.sort((a, b) => (finer && values[a] !== null && values[a] === values[b] ? finer(a, b) : compare(values[a], values[b], idAt(a), idAt(b))))
    return positions.map((index) => events[index] as TEvent)
  }
  if (sort.key === 'createdAt') {
    // Events a host holds usually come in order, newest or oldest first: one pass over the texts tells, and
    // then there is nothing to sort and no time to read.
    if (inCanonicalOrder(events, sign)) return events
    if (inCanonicalOrder(events, -sign)) return events.toReversed()
    // By the millisecond, then (for Kubernetes' microseconds, Google Cloud's nanoseconds) by the digits past it.
    const finer = (a: number, b: number): number => {
      const [left, right] = [events[a] as TEvent, events[b] as TEvent]
      const [aDigits, bDigits] = [finerDigits(left.createdAt), finerDigits(right.createdAt)]
      return aDigits === bDigits ? byId(left.id, right.id) : sign * (aDigits < bDigits ? -1 : 1)
    }
    return ordered(events.map(timeOf), finer)
  }
  return ordered(events.map((event) => sortValue(read(event, sort.key))))
}
