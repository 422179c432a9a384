import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { toEpochMs } from './time'
import { checkTotal, splitByRange } from './verify'

const DAY = 86_400_000
const BASE = Date.UTC(2026, 0, 1)

/** Events at any time around the range, some with times that cannot be read. */
const events = fc.array(
  fc.oneof(
    fc.integer({ min: -10 * DAY, max: 20 * DAY }).map((offset) => new Date(BASE + offset).toISOString()),
    fc.constantFrom('2026-02-30T00:00:00Z', '', 'soon'),
  ),
  { maxLength: 40 },
)

describe('splitByRange', () => {
  it('keeps exactly the events inside [from, to) and those whose time cannot be read; counts the rest (fuzzed)', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 10 }), (times, startDay, days) => {
        const from = BASE + startDay * DAY
        const to = from + days * DAY
        const list = times.map((createdAt, index) => ({ id: String(index), createdAt }))
        const { inside, outside } = splitByRange(list, { from: new Date(from).toISOString(), to: new Date(to).toISOString() })
        expect(inside.length + outside).toBe(list.length)
        for (const event of inside) {
          const ms = toEpochMs(event.createdAt)
          expect(ms === null || (ms >= from && ms < to)).toBe(true)
        }
        // In order, none left out that belongs.
        const expected = list.filter((event) => {
          const ms = toEpochMs(event.createdAt)
          return ms === null || (ms >= from && ms < to)
        })
        expect(inside).toEqual(expected)
      }),
    )
  })

  it('returns the page itself when there is no range or nothing outside it', () => {
    const list = [{ id: 'a', createdAt: new Date(BASE).toISOString() }]
    expect(splitByRange(list, {}).inside).toBe(list)
    expect(splitByRange(list, { from: new Date(BASE).toISOString() }).inside).toBe(list)
  })
})

describe('checkTotal', () => {
  it('believes a total the delivered events agree with', () => {
    expect(checkTotal(120, 50, 0, false)).toEqual({ total: 120, contradicted: undefined })
    expect(checkTotal(120, 120, 0, true)).toEqual({ total: 120, contradicted: undefined })
    expect(checkTotal(undefined, 50, 0, false)).toEqual({ total: undefined, contradicted: undefined })
  })

  it('corrects a total the delivered events contradict, and keeps the reported one to say so', () => {
    // A last page: what was sent is the count.
    expect(checkTotal(1_000_000, 3, 0, true)).toEqual({ total: 3, contradicted: 1_000_000 })
    expect(checkTotal(2, 3, 0, true)).toEqual({ total: 3, contradicted: 2 })
    // More to come, and already more than the total: unknown.
    expect(checkTotal(10, 5_000, 0, false)).toEqual({ total: undefined, contradicted: 10 })
  })

  it('counts events left out as outside the range as delivered, and not as matches', () => {
    expect(checkTotal(5, 3, 2, true)).toEqual({ total: 3, contradicted: undefined })
    expect(checkTotal(100, 40, 10, false)).toEqual({ total: 90, contradicted: undefined })
  })
})
