import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { MAX_SCROLL_HEIGHT, rowWindow } from './useRowWindow'

describe('rowWindow', () => {
  it('draws the rows in view plus the overscan, each at its own offset, below the height limit (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.integer({ min: 1, max: 3000 }),
        fc.nat(20),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (count, viewport, overscan, at) => {
          const scrollTop = Math.floor(at * Math.max(0, count * 40 - viewport))
          const { first, last, paddingTop, paddingBottom } = rowWindow(count, 40, overscan, scrollTop, viewport)
          if (count === 0) {
            expect(last).toBeLessThan(first)
            return
          }
          // Every row that is at least partly in view is drawn.
          expect(first).toBeLessThanOrEqual(Math.floor(scrollTop / 40))
          expect(last).toBeGreaterThanOrEqual(Math.min(count - 1, Math.ceil((scrollTop + viewport) / 40) - 1))
          expect(last - first + 1).toBeLessThanOrEqual(Math.ceil(viewport / 40) + 1 + 2 * overscan)
          expect(paddingTop).toBe(first * 40)
          expect(paddingTop + (last - first + 1) * 40 + paddingBottom).toBe(count * 40)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('scales the scroll bar past the height limit: its top is the first row, its end the last, its middle the middle', () => {
    const count = 1_000_000
    const viewport = 800
    const range = MAX_SCROLL_HEIGHT - viewport
    const at = (scrollTop: number) => rowWindow(count, 40, 0, scrollTop, viewport)
    expect(at(0).first).toBe(0)
    const end = at(range)
    expect(end.last).toBe(count - 1)
    // The last row ends where the content ends: the content is never taller than the limit.
    expect(end.paddingTop + (end.last - end.first + 1) * 40 + end.paddingBottom).toBe(MAX_SCROLL_HEIGHT)
    expect(end.paddingTop + (end.last - end.first + 1) * 40).toBeLessThanOrEqual(MAX_SCROLL_HEIGHT)
    expect(Math.abs(at(range / 2).first - count / 2)).toBeLessThan(20)
    // The rows drawn are in view: they sit where the scroll position shows.
    const middle = at(range / 2)
    expect(middle.paddingTop).toBeLessThanOrEqual(range / 2)
    expect(middle.paddingTop + (middle.last - middle.first + 1) * 40).toBeGreaterThanOrEqual(range / 2 + viewport)
  })
})
