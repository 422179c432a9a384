import { describe, expect, it } from 'vitest'

import { exportFileName } from './exportFileName'

const now = Date.UTC(2026, 10, 23, 12)

describe('exportFileName', () => {
  it('names the first and last day of a half-open range in the chosen zone', () => {
    expect(exportFileName({ from: '2026-11-01T00:00:00.000+01:00', to: '2026-11-24T00:00:00.000+01:00' }, 'Europe/Prague', now)).toBe(
      'audit-logs_2026-11-01_2026-11-23.csv',
    )
  })

  it('says "start" for an open start and uses the export day for an open end', () => {
    expect(exportFileName({}, 'UTC', now)).toBe('audit-logs_start_2026-11-23.csv')
    expect(exportFileName({ from: '2026-11-20T00:00:00Z' }, 'Pacific/Chatham', now)).toBe('audit-logs_2026-11-20_2026-11-24.csv')
  })
})
