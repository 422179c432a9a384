import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { csvByType } from '../../core/csvCell'
import { zonedTimeBytes } from './zonedTimeBytes'

// Zones with whole, half and three-quarter hour offsets, both signs, daylight saving of an hour and of half an
// hour, the date line, and local mean times before standard time (offsets with seconds).
const ZONES = [
  'Europe/Berlin',
  'America/Los_Angeles',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Australia/Lord_Howe',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  'Africa/Monrovia',
  'Europe/London',
]
const FIRST = Date.parse('0000-01-01T00:00:00.000Z')
const LAST = Date.parse('9999-12-31T23:59:59.999Z')

/** What `zonedTimeBytes` writes for a text, or `null` where it leaves the text to the general way. */
function written(text: string, timeZone: string): string | null {
  const out = Buffer.alloc(64)
  const end = zonedTimeBytes(Buffer.from(`x${text}`), 1, timeZone, out, 3)
  return end === -1 ? null : out.toString('latin1', 3, end)
}

describe('a UTC time moved to a zone from its bytes', () => {
  it('is what the CSV writer writes for it (`csvByType`), at any instant of the years 0000–9999, in any zone', () => {
    let general = 0
    fc.assert(
      fc.property(
        // Unbiased: fast-check's integers lean to the range's ends, which a move leaves (checked apart below).
        fc.oneof(
          fc.noBias(fc.integer({ min: FIRST, max: LAST })),
          fc.noBias(fc.integer({ min: Date.parse('1900-01-01'), max: Date.parse('2040-01-01') })),
        ),
        fc.constantFrom(...ZONES),
        (ms, timeZone) => {
          const text = new Date(ms).toISOString()
          const bytes = written(text, timeZone)
          if (bytes === null) general += 1
          else expect(bytes).toBe(csvByType('datetime', text, timeZone))
        },
      ),
      { numRuns: 2000 },
    )
    // Only a time moved out of the years 0000–9999 is left to the general way.
    expect(general).toBeLessThan(20)
    expect(written('0000-01-01T00:10:00.000Z', 'America/Los_Angeles')).toBeNull()
    expect(written('9999-12-31T23:59:00.000Z', 'Europe/Berlin')).toBeNull()
  })

  it('leaves a text that is no real time to the general way', () => {
    for (const text of [
      '2026-02-29T10:00:00.000Z',
      '2100-02-29T10:00:00.000Z',
      '2026-13-01T10:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T10:60:00.000Z',
    ]) {
      expect(written(text, 'Europe/Berlin')).toBeNull()
    }
    expect(written('2024-02-29T23:30:00.000Z', 'Europe/Berlin')).toBe('2024-03-01T00:30:00.000+01:00')
  })
})
