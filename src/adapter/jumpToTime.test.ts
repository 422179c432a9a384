import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { jumpDirection, jumpEdge, jumpRow, outsideRange } from '../core/jumpToTime'
import { toEpochMs } from '../core/time'
import { makeEvent, signal } from '../../test/support/events'
import { createMemoryAdapter } from './memoryAdapter'

const call = { signal: signal() }
const START = Date.parse('2026-03-01T00:00:00Z')

describe('jumpToTime', () => {
  it('jumps only in a list sorted by time (unsorted is newest first)', () => {
    expect(jumpDirection({})).toBe('desc')
    expect(jumpDirection({ sort: { key: 'createdAt', direction: 'asc' } })).toBe('asc')
    expect(jumpDirection({ sort: { key: 'action', direction: 'desc' } })).toBeNull()
  })

  it('refuses a time outside the searched range, its end included in it', () => {
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }
    expect(outsideRange(START - 1, range)).toBe(true)
    expect(outsideRange(START, range)).toBe(false)
    expect(outsideRange(Date.parse(range.to), range)).toBe(false)
    expect(outsideRange(Date.parse(range.to) + 1, range)).toBe(true)
    expect(outsideRange(0, {})).toBe(false)
  })

  it('says when no event lies at or before the time (newest first) or at or after it (oldest first)', () => {
    expect(jumpRow({ before: 0, after: 5 }, 'desc')).toEqual({ problem: 'none-there' })
    expect(jumpRow({ before: 5, after: 0 }, 'asc')).toEqual({ problem: 'none-there' })
    expect(jumpRow({ before: 2, after: 5 }, 'desc')).toEqual({ row: 5 })
    expect(jumpRow({ before: 2, after: 5 }, 'asc')).toEqual({ row: 2 })
  })

  it("finds the row of the first event at or before (newest first) / at or after (oldest first) the time, in the memory adapter's own order", async () => {
    // Times on a coarse grid, so ties and a time exactly on an event are common.
    const times = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 })
    await fc.assert(
      fc.asyncProperty(times, fc.integer({ min: -2, max: 42 }), fc.constantFrom('asc' as const, 'desc' as const), async (grid, at, direction) => {
        const events = grid.map((step, index) => makeEvent(`e${String(index)}`, new Date(START + step * 1000).toISOString()))
        const adapter = createMemoryAdapter(events)
        const time = START + at * 1000
        const search = { sort: { key: 'createdAt', direction } }
        const counts = await adapter.histogram({ search, edges: [jumpEdge(time, direction)] }, call)
        const list = (await adapter.listEvents({ ...search, limit: 100 }, call)).events
        const expected = list.findIndex((event) => {
          const ms = toEpochMs(event.createdAt) as number
          return direction === 'desc' ? ms <= time : ms >= time
        })
        expect(jumpRow(counts, direction)).toEqual(expected < 0 ? { problem: 'none-there' } : { row: expected })
      }),
    )
  })
})
