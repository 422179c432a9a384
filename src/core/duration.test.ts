import { describe, expect, it } from 'vitest'

import { formatDuration } from './duration'

describe('formatDuration', () => {
  it.each([
    [500, '0 seconds'],
    [61_000, '1 minute'],
    [3_600_000 * 5 + 1, '5 hours'],
    [-86_400_000 * 2, '2 days'],
  ])('%d ms is "%s"', (ms, text) => {
    expect(formatDuration(ms, 'en-US')).toBe(text)
  })

  it('speaks the viewer’s language', () => {
    expect(formatDuration(3_600_000 * 3, 'de-DE')).toBe('3 Stunden')
  })
})
