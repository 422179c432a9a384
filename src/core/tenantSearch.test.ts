import { describe, expect, it } from 'vitest'

import { ON_TENANT_CHANGE, withoutTenantValues } from './tenantSearch'
import type { AuditSearch } from './types'

describe('a tenant change', () => {
  const search: Required<AuditSearch> = {
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-02-01T00:00:00.000Z',
    sort: { key: 'action', direction: 'asc' },
    search: 'invoice',
    filters: { action: ['Login'] },
    exclude: { severity: ['Info'] },
  }

  it('clears every part that holds one tenant’s values and keeps the rest, for each part of the search', () => {
    const after = withoutTenantValues(search)
    for (const [part, rule] of Object.entries(ON_TENANT_CHANGE)) {
      expect([part, part in after]).toEqual([part, rule === 'keep'])
    }
    expect(Object.keys(ON_TENANT_CHANGE).sort()).toEqual(Object.keys(search).sort())
    expect(after).toEqual({ from: search.from, to: search.to, sort: search.sort })
  })

  it('returns the same object when there is nothing to clear', () => {
    const rangeOnly = { from: search.from }
    expect(withoutTenantValues(rangeOnly)).toBe(rangeOnly)
  })
})
