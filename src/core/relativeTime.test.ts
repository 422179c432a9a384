import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { dayLabel, dayNumber, exactTime, relativeTime, saysAgo } from './relativeTime'

// Monday, 7 December 2026, 14:30 in Berlin (13:30 UTC).
const NOW = Date.parse('2026-12-07T13:30:00Z')
const at = (iso: string): number => Date.parse(iso)

describe('relativeTime', () => {
  it('says how long ago in English, by the viewer’s zone', () => {
    const say = (iso: string): string => relativeTime(at(iso), NOW, 'en-US', 'Europe/Berlin')
    expect(say('2026-12-07T13:29:40Z')).toBe('Now')
    // Read by the minute: an event of this minute is not in the future.
    expect(say('2026-12-07T13:30:20Z')).toBe('Now')
    expect(say('2026-12-07T13:27:00Z')).toBe('3 minutes ago')
    expect(say('2026-12-07T11:20:00Z')).toBe('2 hours ago')
    expect(say('2026-12-06T13:02:00Z')).toBe('Yesterday 02:02 PM')
    expect(say('2026-12-04T13:02:00Z')).toBe('Fri 02:02 PM')
    expect(say('2026-11-20T13:02:00Z')).toBe('Nov 20, 02:02 PM')
    expect(say('2025-11-20T13:02:00Z')).toBe('Nov 20, 2025, 02:02 PM')
  })

  it('says it in German', () => {
    const say = (iso: string): string => relativeTime(at(iso), NOW, 'de-DE', 'Europe/Berlin')
    expect(say('2026-12-07T13:29:40Z')).toBe('Jetzt')
    expect(say('2026-12-07T13:27:00Z')).toBe('vor 3 Minuten')
    expect(say('2026-12-06T13:02:00Z')).toBe('Gestern 14:02')
  })

  it('counts days in the viewer’s zone: 23:30 UTC is already tomorrow in Tokyo', () => {
    const lateUtc = at('2026-12-06T23:30:00Z')
    expect(relativeTime(lateUtc, NOW, 'en-US', 'UTC')).toBe('Yesterday 11:30 PM')
    expect(relativeTime(lateUtc, NOW, 'en-US', 'Asia/Tokyo')).toBe('14 hours ago')
  })

  it('tells a span back from now from a time of a day', () => {
    expect(saysAgo(at('2026-12-07T11:20:00Z'), NOW, 'UTC')).toBe(true)
    expect(saysAgo(at('2026-12-06T13:02:00Z'), NOW, 'UTC')).toBe(false)
    expect(saysAgo(NOW + 180_000, NOW, 'UTC')).toBe(false)
  })

  it('never says "in 3 minutes" for a clock ahead of ours', () => {
    expect(relativeTime(NOW + 180_000, NOW, 'en-US', 'UTC')).toBe('Dec 7, 01:33 PM')
  })
})

describe('dayLabel and dayNumber', () => {
  it('names today, yesterday, then the date', () => {
    expect(dayLabel(at('2026-12-07T00:10:00Z'), NOW, 'en-US', 'UTC')).toBe('Today')
    expect(dayLabel(at('2026-12-06T00:10:00Z'), NOW, 'de-DE', 'UTC')).toBe('Gestern')
    expect(dayLabel(at('2026-12-04T00:10:00Z'), NOW, 'en-US', 'UTC')).toBe('Fri, Dec 4')
    expect(dayLabel(at('2025-12-04T00:10:00Z'), NOW, 'en-US', 'UTC')).toBe('Thu, Dec 4, 2025')
  })

  it('puts two instants on one day only when the zone’s calendar does', () => {
    const a = at('2026-03-29T00:30:00Z')
    const b = at('2026-03-28T23:30:00Z')
    expect(dayNumber(a, 'UTC') - dayNumber(b, 'UTC')).toBe(1)
    expect(dayNumber(a, 'Europe/Berlin') - dayNumber(b, 'Europe/Berlin')).toBe(0)
    expect(exactTime(a, 'en-US', 'UTC')).toBe('Mar 29, 2026, 12:30:00 AM UTC')
  })

  it('says the year by the zone’s calendar: New Year has come in Tokyo while it is still December in UTC', () => {
    // 31 December 2026, 16:00 UTC is 1 January 2027, 01:00 in Tokyo; 20 December is last year there.
    const newYear = at('2026-12-31T16:00:00Z')
    expect(dayLabel(at('2026-12-20T03:00:00Z'), newYear, 'en-US', 'Asia/Tokyo')).toBe('Sun, Dec 20, 2026')
    expect(relativeTime(at('2026-12-20T03:00:00Z'), newYear, 'en-US', 'Asia/Tokyo')).toMatch(/Dec 20, 2026/)
    expect(dayLabel(at('2026-12-20T03:00:00Z'), newYear, 'en-US', 'UTC')).toBe('Sun, Dec 20')
  })

  it('counts the day the zone’s own calendar says, at any instant (DST, half and quarter hours, both sides of 1970)', () => {
    const ZONES = [
      'UTC',
      'Europe/Prague',
      'America/New_York',
      'America/St_Johns',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Pacific/Kiritimati',
    ]
    const calendarDay = (ms: number, timeZone: string): number => {
      const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(ms)
      const part = (type: string): number => Number(parts.find((candidate) => candidate.type === type)?.value)
      return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000)
    }
    // From 1901 (zones had offsets in seconds before, which the quarter-hour cache does not read) to 2199.
    const instant = fc.integer({ min: Date.UTC(1901, 0, 1), max: Date.UTC(2199, 11, 31) })
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        expect(dayNumber(ms, zone)).toBe(calendarDay(ms, zone))
      }),
      { numRuns: 2_000 },
    )
  })
})
