import { searchTextOf } from '../core/searchText'
import { toEpochMs } from '../core/time'
import type { AuditEvent, AuditSearch, AuditSort } from '../core/types'
import { AuditLogsError } from './errors'

import { collator, readPath, type ReadKey, type TimeAt, timeOf } from './memoryRead'

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
