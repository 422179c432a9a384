import { describe, expect, it } from 'vitest'

import { readUrlState, writeUrlState } from './urlState'

describe('URL state', () => {
  const state = {
    search: {
      from: '2026-11-01T00:00:00.000+01:00',
      to: '2026-11-24T00:00:00.000+01:00',
      search: 'invoice & refund',
      filters: { severity: ['High', 'Critical'] },
      sort: { key: 'user.name', direction: 'asc' as const },
    },
    openEventId: 'evt/42',
  }

  it("round-trips search and open event, keeping the host's own parameters", () => {
    const written = writeUrlState(new URLSearchParams('tab=security&audit.event=old'), state, 'audit.')
    expect(written.get('tab')).toBe('security')
    expect(written.getAll('audit.filter.severity')).toEqual(['High', 'Critical'])
    expect(written.get('audit.event')).toBe('evt/42')
    expect(readUrlState(new URLSearchParams(written.toString()), 'audit.')).toEqual(state)
  })

  it('drops what it cannot read instead of failing', () => {
    expect(readUrlState(new URLSearchParams('sort=createdAt:sideways&event=e1'))).toEqual({ openEventId: 'e1' })
    expect(readUrlState(new URLSearchParams('unrelated=1'))).toEqual({})
  })

  it('removes the event when the drawer closes', () => {
    const written = writeUrlState(new URLSearchParams('event=e1&x=1'), { search: {}, openEventId: null })
    expect(written.toString()).toBe('x=1')
  })
})
