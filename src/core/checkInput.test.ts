import { describe, expect, it } from 'vitest'

import { checkFields, checkSearch } from './checkInput'
import { DAY_MS } from './dateRange'
import { defaultFields } from './fields'
import type { AuditField } from './types'

const NOW = Date.UTC(2026, 10, 23)
const TEN_YEARS = 3653

describe('checkFields', () => {
  it('returns a sound structure as it is', () => {
    expect(checkFields(defaultFields)).toEqual({ fields: defaultFields, problems: [] })
    expect(checkFields(defaultFields).fields).toBe(defaultFields)
  })

  it('leaves out fields without a key, second fields with one key, and keys that are no path without an accessor', () => {
    const fields = [
      { key: 'action', label: 'Action' },
      { key: 'action', label: 'Action again' },
      { key: 'user..name', label: 'Broken path' },
      { key: '__proto__.polluted', label: 'Prototype' },
      { key: 'computed label', label: 'With accessor', value: () => 1 },
      { label: 'No key' },
      null,
    ] as unknown as AuditField[]
    const { fields: kept, problems } = checkFields(fields)
    expect(kept.map((field) => field.label)).toEqual(['Action', 'With accessor'])
    expect(problems).toEqual([
      { kind: 'duplicate-field', key: 'action' },
      { kind: 'invalid-field-path', key: 'user..name' },
      { kind: 'invalid-field-path', key: '__proto__.polluted' },
      { kind: 'field-without-key' },
      { kind: 'field-without-key' },
    ])
  })
})

describe('checkSearch', () => {
  const check = (search: Parameters<typeof checkSearch>[0]) => checkSearch(search, defaultFields, TEN_YEARS, NOW)

  it('returns a runnable search as it is', () => {
    const search = {
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00Z',
      sort: { key: 'user.name', direction: 'asc' as const },
      filters: { severity: ['High'] },
    }
    expect(check(search).search).toBe(search)
    expect(check(search).problems).toEqual([])
  })

  it('sorts newest first instead of by an unknown or unsortable key', () => {
    expect(check({ sort: { key: '<img src=x onerror=alert(1)>', direction: 'asc' } })).toEqual({
      search: { sort: { key: 'createdAt', direction: 'desc' } },
      problems: [{ kind: 'unknown-sort', key: '<img src=x onerror=alert(1)>' }],
    })
    expect(check({ sort: { key: 'payload', direction: 'asc' } }).problems).toEqual([{ kind: 'unknown-sort', key: 'payload' }])
    // Time is always sortable, with or without a field for it.
    expect(checkSearch({ sort: { key: 'createdAt', direction: 'asc' } }, [], TEN_YEARS, NOW).problems).toEqual([])
  })

  it('drops filters on unknown fields and values that are not text', () => {
    const filters = { severity: ['High', 3, null], nope: ['x'], constructor: ['y'] } as unknown as Record<string, string[]>
    expect(check({ filters })).toEqual({
      search: { filters: { severity: ['High'] } },
      problems: [
        { kind: 'unknown-filter', key: 'nope' },
        { kind: 'unknown-filter', key: 'constructor' },
      ],
    })
  })

  it('drops a range that is not one: unparseable bounds, To before From', () => {
    expect(check({ from: 'yesterday', search: 'x' })).toEqual({ search: { search: 'x' }, problems: [{ kind: 'invalid-range' }] })
    expect(check({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }).search).toEqual({})
    expect(check({ to: 'soon' }).problems).toEqual([{ kind: 'invalid-range' }])
  })

  it('starts a 100-year range ten years before its end (now when open), and says so', () => {
    const closed = check({ from: '1926-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })
    expect(closed.problems).toEqual([{ kind: 'range-too-long', maxDays: TEN_YEARS }])
    expect(closed.search.from).toBe(new Date(Date.UTC(2026, 0, 1) - TEN_YEARS * DAY_MS).toISOString())
    const open = check({ from: '1926-01-01T00:00:00Z' })
    expect(Date.parse(open.search.from ?? '')).toBe(NOW - TEN_YEARS * DAY_MS)
    expect(check({ from: '2017-01-01T00:00:00Z' }).problems).toEqual([])
  })

  it('drops a text search that is not text', () => {
    expect(check({ search: { $ne: '' } } as never)).toEqual({ search: {}, problems: [] })
  })
})
