import { describe, expect, it } from 'vitest'

import { checkSearch } from './checkInput'
import { fieldForQueryKey, filterKeyOf, offersFilter, sortKeyOf } from './queryable'
import type { AuditField } from './types'

type Event = { id: string; createdAt: string; annotations?: Record<string, string> }

const plain: AuditField<Event> = { key: 'verb', label: 'Verb', filterable: true }
const derived: AuditField<Event> = {
  key: 'decision',
  label: 'Decision',
  filterable: true,
  value: (event) => event.annotations?.['authorization.k8s.io/decision'],
}
const mapped: AuditField<Event> = {
  ...derived,
  key: 'mappedDecision',
  sortKey: 'annotations["authorization.k8s.io/decision"]',
  filterKey: 'annotations["authorization.k8s.io/decision"]',
}
const fields = [plain, derived, mapped]

describe('what the adapter can be asked to sort and filter by', () => {
  it('a plain field by its key, with any adapter that declares nothing', () => {
    expect(sortKeyOf(plain, {})).toBe('verb')
    expect(filterKeyOf(plain, {})).toBe('verb')
    expect(sortKeyOf({ ...plain, sortable: false }, {})).toBeNull()
  })

  it('a derived field not at all: the backend has never seen its value', () => {
    expect(sortKeyOf(derived, {})).toBeNull()
    expect(filterKeyOf(derived, {})).toBeNull()
    expect(offersFilter(derived, {})).toBe(false)
  })

  it('a derived field by the path it names, or by its key when the adapter evaluates or lists it', () => {
    expect(sortKeyOf(mapped, {})).toBe('annotations["authorization.k8s.io/decision"]')
    expect(filterKeyOf(mapped, {})).toBe('annotations["authorization.k8s.io/decision"]')
    expect(sortKeyOf(derived, { derivedKeys: ['decision'] })).toBe('decision')
    expect(filterKeyOf(derived, { filterableKeys: ['decision'] })).toBe('decision')
  })

  it('only the keys an adapter declares, and time always', () => {
    const capabilities = { sortableKeys: [], filterableKeys: ['verb'] }
    expect(sortKeyOf(plain, capabilities)).toBeNull()
    expect(sortKeyOf({ key: 'createdAt', label: 'Time', type: 'datetime' }, capabilities)).toBe('createdAt')
    expect(filterKeyOf(plain, capabilities)).toBe('verb')
    expect(filterKeyOf(mapped, capabilities)).toBeNull()
  })

  it('finds the field a search key belongs to', () => {
    expect(fieldForQueryKey(fields, 'annotations["authorization.k8s.io/decision"]', {}, 'filter')?.label).toBe('Decision')
    expect(fieldForQueryKey(fields, 'decision', {}, 'filter')).toBeUndefined()
  })
})

describe('checkSearch with derived fields', () => {
  const check = (search: Parameters<typeof checkSearch>[0], capabilities = {}) => checkSearch(search, fields, 3653, Date.now(), capabilities)

  it('drops a sort and a filter by a derived key the adapter cannot evaluate, and says so', () => {
    const result = check({ sort: { key: 'decision', direction: 'asc' }, filters: { decision: ['allow'] } })
    expect(result.search).toEqual({ sort: { key: 'createdAt', direction: 'desc' }, filters: {} })
    expect(result.problems).toEqual([
      { kind: 'unknown-sort', key: 'decision' },
      { kind: 'unknown-filter', key: 'decision' },
    ])
  })

  it('keeps them when the adapter evaluates the field, or when they name the mapped path', () => {
    expect(check({ sort: { key: 'decision', direction: 'asc' }, filters: { decision: ['allow'] } }, { derivedKeys: ['decision'] }).problems).toEqual(
      [],
    )
    const key = 'annotations["authorization.k8s.io/decision"]'
    expect(check({ sort: { key, direction: 'asc' }, filters: { [key]: ['allow'] } }).problems).toEqual([])
  })

  it('drops a sort by a key the adapter does not sort by', () => {
    expect(check({ sort: { key: 'verb', direction: 'asc' } }, { sortableKeys: [] }).problems).toEqual([{ kind: 'unknown-sort', key: 'verb' }])
  })
})
