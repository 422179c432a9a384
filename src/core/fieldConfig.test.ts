import { describe, expect, it } from 'vitest'

import { mergeStoredConfig, toStoredConfig } from './fieldConfig'
import { checkNewField, moveField, newCustomField } from './newField'
import type { AuditField } from './types'

const fields: AuditField[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'action', label: 'Action', format: (value) => String(value).toUpperCase() },
  { key: 'user.email', label: 'Email', type: 'email', exported: false },
]

describe('checkNewField', () => {
  it.each([
    [{ key: '', label: 'X', type: 'text' as const }, 'empty-key'],
    [{ key: 'payload..title', label: 'X', type: 'text' as const }, 'invalid-path'],
    [{ key: 'payload title', label: 'X', type: 'text' as const }, 'invalid-path'],
    [{ key: 'user.__proto__', label: 'X', type: 'text' as const }, 'invalid-path'],
    [{ key: 'action', label: 'X', type: 'text' as const }, 'duplicate-key'],
    [{ key: 'payload.plan', label: '  ', type: 'text' as const }, 'empty-label'],
    [{ key: 'payload.plan', label: 'Plan', type: 'text' as const }, null],
  ])('%j → %s', (input, problem) => {
    expect(checkNewField(input, fields)).toBe(problem)
  })

  it('makes a shown, exported custom field', () => {
    expect(newCustomField({ key: ' payload.plan ', label: ' Plan ', type: 'text' })).toEqual({
      key: 'payload.plan',
      label: 'Plan',
      type: 'text',
      shown: true,
      exported: true,
      custom: true,
    })
  })
})

describe('moveField', () => {
  it('moves by a place and clamps at the ends', () => {
    expect(moveField(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moveField(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moveField(['a', 'b', 'c'], 0, 5)).toEqual(['b', 'c', 'a'])
  })
})

describe('stored field configuration', () => {
  it('stores everything but functions, and lays a stored order and switches over the code fields', () => {
    const stored = toStoredConfig(fields)
    expect(stored[1]).toEqual({ key: 'action', label: 'Action' })
    const merged = mergeStoredConfig(fields, [
      { key: 'user.email', label: 'E-mail', exported: true },
      { key: 'payload.plan', label: 'Plan', type: 'text', custom: true },
      { key: 'action', label: 'Action', shown: false },
    ])
    expect(merged.map((field) => field.key)).toEqual(['user.email', 'payload.plan', 'action', 'createdAt'])
    expect(merged[0]).toMatchObject({ label: 'E-mail', exported: true, type: 'email' })
    expect(merged[2]?.format?.('save', { id: '1', createdAt: 0 })).toBe('SAVE')
    expect(merged[2]?.shown).toBe(false)
  })

  it('skips what it cannot read and never fails', () => {
    expect(mergeStoredConfig(fields, { not: 'an array' })).toEqual(fields)
    const merged = mergeStoredConfig(fields, [
      null,
      42,
      { key: 'a b', label: 'bad path' },
      { key: 'action' },
      { key: 'action', label: 'Twice' },
      { key: 'action', label: 'Again' },
    ])
    expect(merged.map((field) => field.key)).toEqual(['action', 'createdAt', 'user.email'])
    expect(merged[0]?.label).toBe('Twice')
  })

  it('never takes csvRaw from storage: only code may turn formula protection off', () => {
    const merged = mergeStoredConfig(
      [{ key: 'action', label: 'Action' }],
      [
        { key: 'action', label: 'Action', csvRaw: true },
        { key: 'note', label: 'Note', csvRaw: true },
      ],
    )
    expect(merged.map((field) => field.csvRaw)).toEqual([undefined, undefined])
  })
})
