import { describe, expect, it } from 'vitest'

import { defaultFields } from './fields'
import { investigationMoves } from './investigate'

const event = { id: 'e1', createdAt: '2026-03-29T01:58:00Z', user: { email: 'ana@example.com', id: 'u1' }, resource: 'Billing', result: 'failed' }
const search = {
  from: '2026-03-01T00:00:00Z',
  search: 'x',
  filters: { result: ['failed'] },
  exclude: { action: ['login'] },
  sort: { key: 'action', direction: 'asc' as const },
}

describe('investigationMoves', () => {
  it('filters by the actor and the resource in the same range, replacing text, filters and exclusions', () => {
    const moves = investigationMoves(event, defaultFields, {}, 'UTC')
    expect(moves['same-actor']?.(search)).toEqual({ from: search.from, sort: search.sort, filters: { 'user.email': ['ana@example.com'] } })
    expect(moves['same-resource']?.(search)).toEqual({ from: search.from, sort: search.sort, filters: { resource: ['Billing'] } })
  })

  it('spans [t − 5 min, t + 5 min) in the zone, across a DST change too', () => {
    // 00:58 UTC is 01:58 in Prague; the clock springs from 02:00 to 03:00 two minutes later.
    const around = investigationMoves({ ...event, createdAt: '2026-03-29T00:58:00Z' }, defaultFields, {}, 'Europe/Prague').around?.(search)
    expect(around).toEqual({ from: '2026-03-29T01:53:00.000+01:00', to: '2026-03-29T03:03:00.000+02:00', sort: search.sort })
  })

  it('offers only the moves an event and the adapter can make', () => {
    const bare = investigationMoves({ id: 'e2', createdAt: 'not a time' }, defaultFields, {}, 'UTC')
    expect(Object.keys(bare)).toEqual([])
    const noEmailFilter = investigationMoves(event, defaultFields, { filterableKeys: ['user.id'] }, 'UTC')
    expect(noEmailFilter['same-actor']?.({})).toEqual({ filters: { 'user.id': ['u1'] } })
  })
})
