import { afterEach, beforeEach, vi } from 'vitest'

// Monday, 7 December 2026, 13:30 UTC: the clock every relative time in the table's tests is read from.
export const NOW = Date.parse('2026-12-07T13:30:00Z')
export const ago = (ms: number): string => new Date(NOW - ms).toISOString()
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/** The table's columns in its browser tests: the time, the action and the user. */
export const FIELDS = [
  { key: 'createdAt', label: 'Time', type: 'datetime' as const },
  { key: 'action', label: 'Action' },
  { key: 'user.name', label: 'User' },
]

/** Fakes `Date` alone at NOW around every test of the calling file (timers stay real unless a test fakes them). */
export function pinClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}
