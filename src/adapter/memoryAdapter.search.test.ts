import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { AuditEvent, AuditQuery } from '../core/types'
import { makeEvent, signal } from '../../test/support/events'
import { ids, listAll } from '../../test/support/memoryAdapterPages'
import { createMemoryAdapter } from './memoryAdapter'
import { filterEvents } from './memoryQuery'

describe('createMemoryAdapter', () => {
  describe('search and filters', () => {
    const events = [
      makeEvent('a', '2026-01-01T00:00:00Z', { action: 'Login', user: { email: 'Ana@Example.com' }, severity: 'Info' }),
      makeEvent('b', '2026-01-02T00:00:00Z', { action: 'save', payload: { title: 'Quarterly report' }, severity: 'High' }),
      makeEvent('c', '2026-01-03T00:00:00Z', { action: 'delete', tags: ['billing', 'admin'], severity: 'Critical' }),
    ]
    const adapter = createMemoryAdapter(events)
    const list = (query: Omit<AuditQuery, 'limit'>) => adapter.listEvents({ limit: 10, ...query }, { signal: signal() })

    it('searches every string value, nested too, case-insensitively, all terms', async () => {
      expect(ids((await list({ search: 'ana@example' })).events)).toEqual(['a'])
      expect(ids((await list({ search: 'QUARTERLY' })).events)).toEqual(['b'])
      expect(ids((await list({ search: 'quarterly save' })).events)).toEqual(['b'])
      expect(ids((await list({ search: 'quarterly delete' })).events)).toEqual([])
    })

    it('searches an event nested 100,000 levels deep without overflowing the stack', async () => {
      const deep = JSON.parse(`${'{"inner":'.repeat(100_000)}"needle at the bottom"${'}'.repeat(100_000)}`) as unknown
      const nested = createMemoryAdapter([makeEvent('deep', '2026-01-01T00:00:00Z', { payload: deep })])
      const found = await nested.listEvents({ limit: 10, search: 'needle' }, { signal: signal() })
      expect(ids(found.events)).toEqual(['deep'])
    })

    it('filters by field values (any of the accepted values, arrays match any element)', async () => {
      expect(ids((await list({ filters: { severity: ['High', 'Critical'] } })).events)).toEqual(['c', 'b'])
      expect(ids((await list({ filters: { tags: ['admin'] } })).events)).toEqual(['c'])
      expect(ids((await list({ filters: { 'user.email': ['Ana@Example.com'] } })).events)).toEqual(['a'])
      expect(ids((await list({ filters: { severity: [] } })).events)).toHaveLength(3)
    })

    it('matches filter values whatever their case, as Azure writes one operation name in three casings', async () => {
      expect(ids((await list({ filters: { action: ['login'] } })).events)).toEqual(['a'])
      expect(ids((await list({ filters: { 'user.email': ['ana@example.COM'] } })).events)).toEqual(['a'])
      expect(ids((await list({ filters: { severity: ['high', 'CRITICAL'] } })).events)).toEqual(['c', 'b'])
    })
  })

  describe('derived fields (a `value` accessor)', () => {
    type K8sEvent = AuditEvent & { annotations?: Record<string, string> }
    const decision = (event: K8sEvent): string | undefined => event.annotations?.['authorization.k8s.io/decision']
    const events: K8sEvent[] = ['allow', 'forbid', undefined, 'allow', 'Allow', 'forbid'].map((value, index) => ({
      ...makeEvent(`k${index}`, `2026-01-01T00:0${index}:00.000Z`),
      ...(value === undefined ? {} : { annotations: { 'authorization.k8s.io/decision': value } }),
    }))
    const fields = [{ key: 'decision', label: 'Decision', filterable: true, value: decision }]

    it('filters and sorts by what the accessor gives, as a plain evaluation does, and declares them', async () => {
      const adapter = createMemoryAdapter(events, { fields })
      expect(adapter.derivedKeys).toEqual(['decision'])
      const allowed = await listAll(adapter, { limit: 2, filters: { decision: ['ALLOW'] } })
      expect(ids(allowed).sort()).toEqual(
        events
          .filter((event) => decision(event)?.toLowerCase() === 'allow')
          .map((event) => event.id)
          .sort(),
      )
      const sorted = await listAll(adapter, { limit: 2, sort: { key: 'decision', direction: 'asc' } })
      const values = sorted.map((event) => decision(event as K8sEvent))
      // Missing last; the rest in collation order (case-insensitive), ties by id.
      expect(values).toEqual(['allow', 'allow', 'Allow', 'forbid', 'forbid', undefined])
    })

    it('without the fields, a derived key reads the stored path and finds nothing', async () => {
      const adapter = createMemoryAdapter(events)
      expect(adapter.derivedKeys).toBeUndefined()
      await expect(listAll(adapter, { limit: 10, filters: { decision: ['allow'] } })).resolves.toEqual([])
    })
  })
})

describe('ignoring case, for every script', () => {
  it.each(['İstanbul', 'ΟΔΟΣ', 'ǅ'])('a filter on %s finds exactly the events that hold it in any case', (value) => {
    const events = [value, value.toLowerCase(), value.toUpperCase(), `${value}x`, 'other'].map((city, index) =>
      makeEvent(`e${index}`, Date.UTC(2026, 0, 1) + index, { city }),
    )
    const found = filterEvents(events, { filters: { city: [value] } }).map((event) => event.id)
    expect(found).toEqual(['e0', 'e1', 'e2'])
  })

  it('a filter matches exactly where toLowerCase says two values are equal, as the server does (property)', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
    const variant = fc.tuple(text, fc.constantFrom('same', 'lower', 'upper', 'other'))
    fc.assert(
      fc.property(text, fc.array(variant, { minLength: 1, maxLength: 8 }), (wanted, stored) => {
        const values = stored.map(([value, how]) =>
          how === 'same' ? wanted : how === 'lower' ? wanted.toLowerCase() : how === 'upper' ? wanted.toUpperCase() : value,
        )
        const events = values.map((city, index) => makeEvent(`e${index}`, Date.UTC(2026, 0, 1) + index, { city }))
        const found = filterEvents(events, { filters: { city: [wanted] } }).map((event) => event.id)
        expect(found).toEqual(values.flatMap((city, index) => (city.toLowerCase() === wanted.toLowerCase() ? [`e${index}`] : [])))
      }),
    )
  })
})
