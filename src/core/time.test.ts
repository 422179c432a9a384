import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { formatDateTime } from './format'
import { looksLikeEpochSeconds, normaliseTime, subMillisecondDigits, toEpochMs, toZonedIso, withEventTime } from './time'
import { formatRelativeTime, timeRepresentations } from './timeRepresentations'

// The seed's example instant: 2021-11-17T08:02:46.375Z
const INSTANT = Date.UTC(2021, 10, 17, 8, 2, 46, 375)

describe('toEpochMs', () => {
  it('reads ISO instants with a zone and epoch milliseconds; refuses the rest', () => {
    expect(toEpochMs('2021-11-17T08:02:46.375Z')).toBe(INSTANT)
    expect(toEpochMs('2021-11-17T09:02:46.375+01:00')).toBe(INSTANT)
    expect(toEpochMs(INSTANT)).toBe(INSTANT)
    expect(toEpochMs('2021-11-17T08:02:46')).toBeNull() // no zone: ambiguous
    expect(toEpochMs('yesterday')).toBeNull()
    expect(toEpochMs(Number.NaN)).toBeNull()
    expect(toEpochMs(null)).toBeNull()
  })

  it('refuses impossible days, clock times and offsets instead of moving them to another day', () => {
    for (const text of ['2026-02-30T00:00:00Z', '2025-02-29T12:00:00Z', '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z']) {
      expect(toEpochMs(text), text).toBeNull()
    }
    for (const text of ['2026-03-01T24:00:00Z', '2026-03-01T10:60:00Z', '2026-03-01T10:00:60Z', '2026-03-01T10:00:00+24:00']) {
      expect(toEpochMs(text), text).toBeNull()
    }
    expect(toEpochMs('2024-02-29T12:00:00Z')).toBe(Date.UTC(2024, 1, 29, 12))
    expect(toEpochMs('2026-12-31T23:59:59.999-12:00')).toBe(Date.UTC(2027, 0, 1, 11, 59, 59, 999))
  })

  it('reads every real day of any year, as Date does (fuzzed)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        expect(toEpochMs(date.toISOString())).toBe(date.getTime())
      }),
    )
  })
})

describe('timeRepresentations with a finer source', () => {
  it('keeps the source’s digits beyond the millisecond in the ISO, JSON and epoch forms', () => {
    const value = '2021-11-17T08:02:46.375123456Z'
    const forms = timeRepresentations(INSTANT, { timeZone: 'Europe/Prague', locale: 'en-GB', subMilliseconds: subMillisecondDigits(value) })
    expect(forms.iso).toBe('2021-11-17T09:02:46.375123456+01:00')
    expect(forms.json).toBe('2021-11-17T08:02:46.375123456Z')
    expect(forms.epoch).toBe(`${String(INSTANT)}.123456`)
    expect(subMillisecondDigits('2021-11-17T08:02:46.375Z')).toBe('')
    expect(subMillisecondDigits(INSTANT)).toBe('')
  })
})

describe('looksLikeEpochSeconds', () => {
  it('suspects numbers that put an event in 1970-1973 as milliseconds', () => {
    expect(looksLikeEpochSeconds(1_763_884_800)).toBe(true)
    expect(looksLikeEpochSeconds(1_763_884_800_000)).toBe(false)
    expect(looksLikeEpochSeconds(0)).toBe(false)
  })

  it('reads a negative number as a time before 1970, never as seconds (fuzzed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: -1 }), (ms) => {
        expect(looksLikeEpochSeconds(ms)).toBe(false)
        expect(toEpochMs(ms)).toBe(ms)
      }),
    )
  })
})

describe('years before 1 and beyond 9999', () => {
  it('reads every instant a Date holds from the text toISOString writes, expanded years included (fuzzed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const text = new Date(ms).toISOString()
        expect(toEpochMs(text)).toBe(ms)
      }),
    )
    expect(toEpochMs('+012000-01-01T00:00:00+01:00')).toBe(Date.UTC(12000, 0, 1) - 3_600_000)
    expect(subMillisecondDigits('-000001-06-30T12:00:00.123456Z')).toBe('456')
    // Beyond a Date's range, and the year -0 ISO-8601 forbids: not instants.
    expect(toEpochMs('+275760-09-13T00:00:00.001Z')).toBeNull()
    expect(toEpochMs('-000000-01-01T00:00:00Z')).toBeNull()
    expect(toEpochMs('+012000-02-30T00:00:00Z')).toBeNull()
  })

  it('says the era of a year before 1 or beyond 9999, and only there', () => {
    const options = { locale: 'en-US', timeZone: 'UTC' }
    expect(formatDateTime(Date.UTC(-1, 0, 1), options)).toMatch(/\b2 BC\b/)
    expect(formatDateTime(Date.UTC(12000, 0, 1), options)).toMatch(/\b12000 AD\b/)
    expect(timeRepresentations(Date.UTC(-1, 0, 1), options).local).toMatch(/\b2 BC\b/)
    expect(formatDateTime(Date.UTC(1969, 11, 31), options)).not.toMatch(/AD|BC/)
  })
})

describe('toZonedIso', () => {
  it.each([
    ['UTC', '2021-11-17T08:02:46.375Z'],
    ['Europe/Prague', '2021-11-17T09:02:46.375+01:00'],
    ['America/Sao_Paulo', '2021-11-17T05:02:46.375-03:00'],
    ['Asia/Kolkata', '2021-11-17T13:32:46.375+05:30'],
    ['Australia/Melbourne', '2021-11-17T19:02:46.375+11:00'],
    ['Pacific/Chatham', '2021-11-17T21:47:46.375+13:45'],
  ])('writes the instant in %s with its offset', (zone, expected) => {
    expect(toZonedIso(INSTANT, zone)).toBe(expected)
    expect(Date.parse(expected)).toBe(INSTANT)
  })

  it('follows daylight saving time: Prague in July is +02:00', () => {
    expect(toZonedIso(Date.UTC(2026, 6, 1, 12), 'Europe/Prague')).toBe('2026-07-01T14:00:00.000+02:00')
  })
})

describe('timeRepresentations', () => {
  const now = INSTANT + 3 * 3_600_000 + 5 * 60_000

  it('gives every form of the seed for en-US in UTC', () => {
    expect(timeRepresentations(INSTANT, { locale: 'en-US', timeZone: 'UTC', now })).toEqual({
      local: 'Wed, November 17, 2021 at 08:02:46.375 AM Coordinated Universal Time',
      utc: 'Wed, 17 Nov 2021 08:02:46 GMT',
      iso: '2021-11-17T08:02:46.375Z',
      json: '2021-11-17T08:02:46.375Z',
      epoch: '1637136166375',
      relative: '3 hours ago',
    })
  })

  it('writes the local form in the zone and locale asked for', () => {
    const german = timeRepresentations(INSTANT, { locale: 'de-DE', timeZone: 'Europe/Prague', now })
    expect(german.local).toBe('Mi., 17. November 2021 um 09:02:46,375 Mitteleuropäische Normalzeit')
    expect(german.iso).toBe('2021-11-17T09:02:46.375+01:00')
    expect(german.relative).toBe('vor 3 Stunden')
    const brazil = timeRepresentations(INSTANT, { locale: 'pt-BR', timeZone: 'America/Sao_Paulo', now })
    expect(brazil.local).toBe('qua., 17 de novembro de 2021 às 05:02:46,375 Horário Padrão de Brasília')
    // UTC, JSON and epoch do not depend on zone or locale.
    expect([german.utc, german.json, german.epoch]).toEqual([brazil.utc, brazil.json, brazil.epoch])
  })
})

describe('formatRelativeTime', () => {
  it('uses the largest whole unit, past and future', () => {
    expect(formatRelativeTime(0, 90_000, 'en')).toBe('1 minute ago')
    expect(formatRelativeTime(2 * 86_400_000, 0, 'en')).toBe('in 2 days')
    expect(formatRelativeTime(0, 500, 'en')).toBe('now')
  })

  it('counts weeks and days, never a calendar word that names another week or day', () => {
    const day = 86_400_000
    expect(formatRelativeTime(0, 14 * day, 'en')).toBe('2 weeks ago')
    // Fourteen days less a few hours is still two weeks, not "last week".
    expect(formatRelativeTime(0, 14 * day - 3 * 3_600_000, 'en')).toBe('2 weeks ago')
    expect(formatRelativeTime(0, 30 * 3_600_000, 'en')).toBe('1 day ago')
    expect(formatRelativeTime(0, 8 * day, 'de')).toBe('vor 1 Woche')
  })
})

describe('toZonedIso around daylight-saving changes', () => {
  it.each([
    // Europe/Prague springs forward at 01:00 UTC on 2026-03-29, falls back at 01:00 UTC on 2026-10-25.
    ['Europe/Prague', Date.UTC(2026, 2, 29, 0, 59, 59, 999), '2026-03-29T01:59:59.999+01:00'],
    ['Europe/Prague', Date.UTC(2026, 2, 29, 1), '2026-03-29T03:00:00.000+02:00'],
    ['Europe/Prague', Date.UTC(2026, 9, 25, 0, 59, 59, 999), '2026-10-25T02:59:59.999+02:00'],
    ['Europe/Prague', Date.UTC(2026, 9, 25, 1), '2026-10-25T02:00:00.000+01:00'],
    // Pacific/Chatham: +13:45 in summer, +12:45 from 2026-04-05 03:45 local (14:00 UTC the day before).
    ['Pacific/Chatham', Date.UTC(2026, 3, 4, 13, 59, 59, 999), '2026-04-05T03:44:59.999+13:45'],
    ['Pacific/Chatham', Date.UTC(2026, 3, 4, 14), '2026-04-05T02:45:00.000+12:45'],
  ])('%s at %i is %s', (zone, ms, expected) => {
    expect(toZonedIso(ms, zone)).toBe(expected)
    expect(Date.parse(expected)).toBe(ms)
  })
})

describe('any instant a Date can hold', () => {
  it('has every representation, in any zone, without throwing (fuzzed to the ends of the Date range)', () => {
    const zones = ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Chatham']
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constantFrom(-8.64e15, 8.64e15, 0)),
        fc.constantFrom(...zones),
        (ms, timeZone) => {
          const times = timeRepresentations(ms, { timeZone, locale: 'en-US', now: 0 })
          expect(Object.values(times).every((text: string) => text.length > 0)).toBe(true)
          expect(Date.parse(times.iso)).toBe(ms)
        },
      ),
      { numRuns: 1000 },
    )
    expect(toEpochMs(8.64e15 + 1)).toBeNull()
  })
})

describe('normaliseTime', () => {
  it('reads epoch seconds, every fractional digit kept', () => {
    expect(normaliseTime(1734393600, 'epoch-seconds')).toBe('2024-12-17T00:00:00.000Z')
    expect(normaliseTime('1734393600.123456789', 'epoch-seconds')).toBe('2024-12-17T00:00:00.123456789Z')
    expect(normaliseTime(1734393600.5, 'epoch-seconds')).toBe('2024-12-17T00:00:00.500Z')
    expect(toEpochMs(normaliseTime(1734393600.5, 'epoch-seconds'))).toBe(Date.UTC(2024, 11, 17, 0, 0, 0, 500))
  })

  it("reads a warehouse's zone-less date and time as UTC", () => {
    expect(normaliseTime('2024-12-17 08:30:00.123456', 'utc-datetime')).toBe('2024-12-17T08:30:00.123456Z')
    expect(normaliseTime('2024-12-17T08:30', 'utc-datetime')).toBe('2024-12-17T08:30Z')
    expect(subMillisecondDigits(normaliseTime('2024-12-17 08:30:00.123456', 'utc-datetime'))).toBe('456')
  })

  it('leaves what is not in that form as it is, so it shows as an unreadable time and never as another instant', () => {
    expect(normaliseTime('2024-12-17 00:00:00000000', 'utc-datetime')).toBe('2024-12-17 00:00:00000000')
    expect(normaliseTime('...', 'epoch-seconds')).toBe('...')
    expect(normaliseTime(Number.POSITIVE_INFINITY, 'epoch-seconds')).toBe(Number.POSITIVE_INFINITY)
    expect(normaliseTime('2024-12-17 08:30:00', 'iso')).toBe('2024-12-17 08:30:00')
    expect(toEpochMs(normaliseTime('2024-12-31 24:00:00', 'utc-datetime'))).toBeNull()
  })

  it('gives an event its read time, and the same event when nothing changes', () => {
    const event = { id: 'a', createdAt: 1734393600 }
    expect(withEventTime(event, 'epoch-seconds')).toEqual({ id: 'a', createdAt: '2024-12-17T00:00:00.000Z' })
    expect(withEventTime(event, undefined)).toBe(event)
    const iso = { id: 'b', createdAt: '2024-12-17T00:00:00Z' }
    expect(withEventTime(iso, 'utc-datetime')).toBe(iso)
  })
})
