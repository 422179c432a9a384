import { describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvent } from '../../test/support/events'
import { nextCalendarDate, presetRange, toDateRangeInput, toInstantRange, wallClockToInstant } from './dateRange'

/** Wall-clock text of an instant in a zone, by Intl alone (independent of the code under test). */
function local(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
  }).formatToParts(ms)
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}.${get('fractionalSecond')}`
}

const previousDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

// Ordinary days and the days the clocks change (the hardest boundaries), per zone.
const CASES: Array<[string, string, string]> = [
  ['UTC', '2026-03-08', 'an ordinary day'],
  ['UTC', '2024-02-29', 'a leap day'],
  ['America/Sao_Paulo', '2026-03-08', 'an ordinary day'],
  ['America/Sao_Paulo', '2018-11-04', 'DST starts: midnight does not exist'],
  ['America/Sao_Paulo', '2019-02-16', 'DST ends at midnight: 23:00–24:00 twice'],
  ['Europe/Prague', '2026-03-29', 'DST starts: 23 hours'],
  ['Europe/Prague', '2026-10-25', 'DST ends: 25 hours'],
  ['Australia/Melbourne', '2026-04-05', 'DST ends'],
  ['Australia/Melbourne', '2026-10-04', 'DST starts'],
  ['Asia/Kolkata', '2026-03-08', 'a half-hour offset'],
  ['Pacific/Chatham', '2026-04-05', 'DST ends at a 45-minute offset'],
  ['Pacific/Chatham', '2026-09-27', 'DST starts at a 45-minute offset'],
]

describe('toInstantRange', () => {
  it.each(CASES)('%s %s (%s): From and To that day cover exactly the day', async (zone, day) => {
    const range = toInstantRange({ fromDate: day, toDate: day }, zone)
    if (!range.ok || !range.from || !range.to) throw new Error('expected a range')
    const from = Date.parse(range.from)
    const to = Date.parse(range.to)
    expect(local(from, zone).slice(0, 10)).toBe(day)
    expect(local(from - 1, zone).slice(0, 10)).toBe(previousDate(day))
    // The last millisecond of the To day is in; the next day's first instant is out.
    expect(local(to - 1, zone)).toBe(`${day} 23:59:59.999`)
    expect(local(to, zone).slice(0, 10)).toBe(nextCalendarDate(day))

    const adapter = createMemoryAdapter([
      makeEvent('day-before', from - 1),
      makeEvent('first', from),
      makeEvent('last', to - 1),
      makeEvent('next-day', to),
    ])
    const page = await adapter.listEvents(
      { ...range, limit: 10, sort: { key: 'createdAt', direction: 'asc' } },
      { signal: new AbortController().signal },
    )
    expect(page.events.map((event) => event.id)).toEqual(['first', 'last'])
  })

  it('writes instants with the zone offset and never ends a range at 23:59:59.999', () => {
    expect(toInstantRange({ fromDate: '2026-03-01', toDate: '2026-03-08' }, 'Europe/Prague')).toEqual({
      ok: true,
      from: '2026-03-01T00:00:00.000+01:00',
      to: '2026-03-09T00:00:00.000+01:00',
    })
  })

  it('takes optional times of day, the To time exclusive', () => {
    expect(toInstantRange({ fromDate: '2026-03-08', fromTime: '09:30', toDate: '2026-03-08', toTime: '17:00' }, 'Asia/Kolkata')).toEqual({
      ok: true,
      from: '2026-03-08T09:30:00.000+05:30',
      to: '2026-03-08T17:00:00.000+05:30',
    })
  })

  it('allows an open start or end', () => {
    expect(toInstantRange({ fromDate: '2026-03-08', toDate: '' }, 'UTC')).toEqual({ ok: true, from: '2026-03-08T00:00:00.000Z' })
    expect(toInstantRange({ fromDate: '', toDate: '' }, 'UTC')).toEqual({ ok: true })
  })

  it('refuses a To before From, and dates that do not exist', () => {
    expect(toInstantRange({ fromDate: '2026-03-08', toDate: '2026-03-07' }, 'UTC')).toEqual({ ok: false, problem: 'to-before-from' })
    expect(toInstantRange({ fromDate: '2026-03-08', fromTime: '10:00', toDate: '2026-03-08', toTime: '10:00' }, 'UTC')).toEqual({
      ok: false,
      problem: 'to-before-from',
    })
    expect(toInstantRange({ fromDate: '2026-02-30', toDate: '' }, 'UTC')).toEqual({ ok: false, problem: 'invalid-from' })
    expect(toInstantRange({ fromDate: '', toDate: '26-1-1' }, 'UTC')).toEqual({ ok: false, problem: 'invalid-to' })
  })
})

describe('wallClockToInstant', () => {
  it('moves a time in a spring-forward gap forward by the gap, and takes the earlier of a repeated time', () => {
    // Prague 2026-03-29: 02:00–03:00 does not exist.
    expect(local(wallClockToInstant('2026-03-29', '02:30', 'Europe/Prague') ?? 0, 'Europe/Prague')).toBe('2026-03-29 03:30:00.000')
    // Prague 2026-10-25: 02:00–03:00 happens twice; the first is at +02:00.
    expect(wallClockToInstant('2026-10-25', '02:30', 'Europe/Prague')).toBe(Date.parse('2026-10-25T02:30:00+02:00'))
  })
})

describe('toDateRangeInput', () => {
  it('shows an applied range again, the exclusive midnight as the inclusive day', () => {
    const range = toInstantRange({ fromDate: '2026-03-29', toDate: '2026-03-29' }, 'Europe/Prague')
    expect(toDateRangeInput(range.ok ? range : {}, 'Europe/Prague')).toEqual({
      fromDate: '2026-03-29',
      fromTime: '',
      toDate: '2026-03-29',
      toTime: '',
    })
    expect(toDateRangeInput({ from: '2026-03-08T09:30:00.000+05:30', to: '2026-03-08T17:00:00.000+05:30' }, 'Asia/Kolkata')).toEqual({
      fromDate: '2026-03-08',
      fromTime: '09:30',
      toDate: '2026-03-08',
      toTime: '17:00',
    })
  })
})

describe('presetRange', () => {
  it('starts that long before now and leaves the end open', () => {
    expect(presetRange('last-24-hours', Date.UTC(2026, 10, 23, 12), 'UTC')).toEqual({ from: '2026-11-22T12:00:00.000Z' })
  })
})
