import { getPath } from '../core/path'
import { searchTextOf } from '../core/searchText'
import { subMillisecondDigits, toEpochMs } from '../core/time'
import type { AuditEvent, AuditSearch, AuditSort } from '../core/types'
import { AuditLogsError } from './errors'

/** An event's time as epoch ms, or `null` when it cannot be read. Read when a query needs it, not for every event up front. */
const timeOf = (event: AuditEvent | undefined): number | null => (event === undefined ? null : toEpochMs(event.createdAt))

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

const readPath: ReadKey = (event, key) => getPath(event, key)

function parseBound(value: string | undefined, name: 'from' | 'to'): number | null {
  if (value === undefined || value === '') return null
  const ms = toEpochMs(value)
  if (ms === null) throw new AuditLogsError('invalid-query', `"${name}" must be an ISO-8601 instant with a time zone, got "${value}".`)
  return ms
}

const searchText = new WeakMap<object, string>()

/** The free text of an event (`searchTextOf`), cached per event. */
function haystackOf(event: AuditEvent): string {
  let text = searchText.get(event)
  if (text === undefined) {
    // The name of a hidden value's kind is no text of the event.
    text = searchTextOf(event, (name) => name === '$hidden')
    searchText.set(event, text)
  }
  return text
}

/** Whether a value (or any element of an array) is one of the accepted values, ignoring case (`accepted` is lower case). */
function matchesFilter(value: unknown, accepted: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((inner) => matchesFilter(inner, accepted))
  if (typeof value === 'string') return accepted.has(value.toLowerCase())
  if (typeof value === 'number' || typeof value === 'boolean') return accepted.has(String(value))
  return false
}

/** The events a query matches: half-open range, every search term, every field filter (case-insensitive, as text search). */
export function filterEvents<TEvent extends AuditEvent>(
  events: readonly TEvent[],
  query: AuditSearch,
  read: ReadKey = readPath,
  timeAt: TimeAt = (index) => timeOf(events[index]),
): TEvent[] {
  const from = parseBound(query.from, 'from')
  const to = parseBound(query.to, 'to')
  const terms = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const filters = Object.entries(query.filters ?? {})
    .filter(([, values]) => values.length > 0)
    .map(([key, values]) => [key, new Set(values.map((value) => value.toLowerCase()))] as const)

  const ranged = from !== null || to !== null
  return events.filter((event, index) => {
    // An event whose time cannot be read counts as earlier than any instant: a range with a start leaves it
    // out; the whole log, and a range open at its start (as an export pins its end), keep it.
    const time = ranged ? timeAt(index) : null
    if (from !== null && (time === null || time < from)) return false
    if (to !== null && time !== null && time >= to) return false
    if (filters.some(([key, accepted]) => !matchesFilter(read(event, key), accepted))) return false
    if (terms.length > 0) {
      const haystack = haystackOf(event)
      if (!terms.every((term) => haystack.includes(term))) return false
    }
    return true
  })
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' })

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

/** The first index in `[0, length)` where `after` holds, for a predicate false and then true along the array. */
function firstWhere(length: number, after: (index: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (after(middle)) high = middle
    else low = middle + 1
  }
  return low
}

/**
 * The events of a time-sorted list (`sortEvents` by `createdAt`: instants in order, unreadable times last)
 * inside a half-open range, found by binary search instead of a pass over every event. An unreadable time
 * counts as earlier than any instant, as in `filterEvents`: kept when the range has no start.
 */
function inTimeRange<TEvent extends AuditEvent>(sorted: readonly TEvent[], direction: 'asc' | 'desc', query: AuditSearch): readonly TEvent[] {
  const from = parseBound(query.from, 'from')
  const to = parseBound(query.to, 'to')
  // Read at the few positions a binary search visits.
  const timeAt = (index: number): number | null => timeOf(sorted[index])
  const unreadable = firstWhere(sorted.length, (index) => timeAt(index) === null)
  const instants = (lower: number | null, upper: number | null): [number, number] => {
    // Positions inside the readable part [0, unreadable) that hold [lower, upper).
    const atOrAfter = (bound: number) => (index: number) => (timeAt(index) ?? -Infinity) >= bound
    const before = (bound: number) => (index: number) => (timeAt(index) ?? -Infinity) < bound
    if (direction === 'asc') {
      return [lower === null ? 0 : firstWhere(unreadable, atOrAfter(lower)), upper === null ? unreadable : firstWhere(unreadable, atOrAfter(upper))]
    }
    return [upper === null ? 0 : firstWhere(unreadable, before(upper)), lower === null ? unreadable : firstWhere(unreadable, before(lower))]
  }
  const [start, end] = instants(from, to)
  // The whole list, as most first queries ask, is not copied.
  if (start === 0 && end >= unreadable && from === null) return sorted
  const inside = sorted.slice(start, Math.max(start, end))
  return from === null ? inside.concat(sorted.slice(unreadable)) : inside
}

/**
 * The events a query matches, in the order of a list already sorted by its sort (`sortEvents`, made once
 * and reused): a time sort finds the range by binary search, and only filters and text look at each event.
 * Another sort reads a range's times through `timeAt` (`keptTimes` of `sorted`), when given.
 */
export function selectEvents<TEvent extends AuditEvent>(
  sorted: readonly TEvent[],
  sort: AuditSort,
  query: AuditSearch,
  read: ReadKey = readPath,
  timeAt?: TimeAt,
): readonly TEvent[] {
  if (sort.key !== 'createdAt') return filterEvents(sorted, query, read, timeAt)
  const { from: _from, to: _to, ...rest } = query
  const inRange = inTimeRange(sorted, sort.direction, query)
  const searching = (rest.search ?? '').trim() !== '' || Object.values(rest.filters ?? {}).some((values) => values.length > 0)
  return searching ? filterEvents(inRange, rest, read) : inRange
}

/** The events whose value of each excluded key is none of its rejected values (ignoring case); a missing value is kept. */
export function excludeEvents<TEvent extends AuditEvent>(
  events: readonly TEvent[],
  exclude: Readonly<Record<string, string[]>> | undefined,
  read: ReadKey = readPath,
): readonly TEvent[] {
  const rejected = Object.entries(exclude ?? {})
    .filter(([, values]) => values.length > 0)
    .map(([key, values]) => [key, new Set(values.map((value) => value.toLowerCase()))] as const)
  if (rejected.length === 0) return events
  return events.filter((event) => !rejected.some(([key, values]) => matchesFilter(read(event, key), values)))
}

/** The text values of one value (an array's items, each once); empty text and objects are no values. */
function valueTexts(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value]
  const texts = items.flatMap((item) => (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' ? [String(item)] : []))
  return [...new Set(texts.filter((text) => text !== ''))]
}

/**
 * The values of one key among events with how many events hold each, most frequent first (ties by value),
 * told apart ignoring case: each is written as most of its events write it. An event counts once per value.
 */
export function countValues(
  events: readonly AuditEvent[],
  key: string,
  limit: number,
  read: ReadKey = readPath,
): { values: Array<{ value: string; count: number }>; complete: boolean } {
  const counts = new Map<string, { count: number; spellings: Map<string, number> }>()
  for (const event of events) {
    const seen = new Set<string>()
    for (const text of valueTexts(read(event, key))) {
      const lower = text.toLowerCase()
      if (seen.has(lower)) continue
      seen.add(lower)
      const entry = counts.get(lower) ?? { count: 0, spellings: new Map<string, number>() }
      entry.count += 1
      entry.spellings.set(text, (entry.spellings.get(text) ?? 0) + 1)
      counts.set(lower, entry)
    }
  }
  // The most used spelling; among equally used ones the first in code-unit order, as a database's `mode()` picks.
  const spelling = (spellings: Map<string, number>): string =>
    [...spellings].reduce((best, next) => (next[1] > best[1] || (next[1] === best[1] && next[0] < best[0]) ? next : best))[0]
  const values = [...counts.values()]
    .map(({ count, spellings }) => ({ value: spelling(spellings), count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value))
  return { values: values.slice(0, limit), complete: values.length <= limit }
}
