import { describe, expect, it } from 'vitest'

import { countFieldChanges } from './fieldChanges'
import { moveField } from './newField'
import type { AuditField } from './types'

const fields: AuditField[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'action', label: 'Action' },
  { key: 'user.email', label: 'Email', exported: false },
  { key: 'user.name', label: 'User', shown: false },
]

describe('countFieldChanges', () => {
  it('is zero for the same structure, and for a copy with the defaults spelt out', () => {
    expect(countFieldChanges(fields, fields)).toBe(0)
    expect(
      countFieldChanges(
        fields,
        fields.map((field) => ({ ...field, shown: field.shown ?? true, type: field.type ?? 'text' })),
      ),
    ).toBe(0)
  })

  it('counts a switch, an added and a removed field once each', () => {
    const toggled = fields.map((field) => (field.key === 'action' ? { ...field, shown: false } : field))
    expect(countFieldChanges(fields, toggled)).toBe(1)
    const twice = toggled.map((field) => (field.key === 'user.email' ? { ...field, sensitive: 'personal' as const } : field))
    expect(countFieldChanges(fields, twice)).toBe(2)
    expect(countFieldChanges(fields, [...fields, { key: 'payload.plan', label: 'Plan', custom: true }])).toBe(1)
    expect(countFieldChanges(fields, fields.slice(1))).toBe(1)
  })

  it('counts a new order once, however many fields it shifts', () => {
    expect(countFieldChanges(fields, moveField(fields, 3, -3))).toBe(1)
    expect(countFieldChanges(fields, moveField(moveField(fields, 0, 1), 1, -1))).toBe(0)
    // An added field at the top is one change, not a reorder of every other field.
    expect(countFieldChanges(fields, [{ key: 'payload.plan', label: 'Plan' }, ...fields])).toBe(1)
  })
})
