import { describe, expect, it } from 'vitest'

import { CHECK_SLICE, checkBatch, checkBatchInTurns, MAX_BATCH } from './checkEvent'

const events = Array.from({ length: MAX_BATCH }, (_, index) => ({ id: `e${index}`, action: 'user.login', payload: { index } }))
const now = new Date('2026-03-01T00:00:00Z')

describe('checkBatchInTurns', () => {
  it('checks as checkBatch does, all or nothing', async () => {
    expect(await checkBatchInTurns(events, 't', { now })).toEqual(checkBatch(events, 't', { now }))
    const bad = events.map((event, index) => (index === 700 ? { ...event, action: 7 } : event))
    await expect(checkBatchInTurns(bad, 't', { now })).rejects.toThrow('"events[700].action" is required and must be text.')
    await expect(checkBatchInTurns([], 't')).rejects.toThrow('A batch must hold 1 to 1000 events, got 0.')
    await expect(checkBatchInTurns([...events, events[0]], 't')).rejects.toThrow('got 1001')
  })

  it('gives the event loop a turn after each slice of a large batch', async () => {
    let turns = 0
    let checking = true
    const count = (): void => {
      if (!checking) return
      turns += 1
      setImmediate(count)
    }
    setImmediate(count)
    await checkBatchInTurns(events, 't', { now })
    checking = false
    // Another request's step (an insert holding its tenant's lock) would have run between the slices.
    expect(turns).toBeGreaterThanOrEqual(MAX_BATCH / CHECK_SLICE - 1)
  })
})
