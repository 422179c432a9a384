import { describe, expect, it } from 'vitest'

import { csvCell, csvValue, neutraliseFormula, safeCell } from './csvCell'
import type { AuditEvent } from './types'

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['\0x', "'\0x"],
    ['   =1+1', "'   =1+1"],
    ['"=1+1', '\'"=1+1'],
    ["'=1+1", "''=1+1"],
    ['=HYPERLINK("x")\nsecond line', '\'=HYPERLINK("x")\nsecond line'],
    ['-5', '-5'],
    ['+3.5e2', '+3.5e2'],
    ['12', '12'],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output)
  })
})

describe('csvValue', () => {
  const event: AuditEvent = {
    id: 'e1',
    createdAt: '2021-11-17T08:02:46.375Z',
    count: -12.5,
    payload: { title: 'x', n: 1 },
  }
  it('writes times as ISO-8601 with the zone offset, numbers as digits, objects as compact JSON', () => {
    expect(csvValue({ key: 'createdAt', label: 'Time', type: 'datetime' }, event, { timeZone: 'Asia/Kolkata' })).toBe('2021-11-17T13:32:46.375+05:30')
    expect(csvValue({ key: 'count', label: 'Count', type: 'number' }, event)).toBe('-12.5')
    expect(csvValue({ key: 'payload', label: 'Payload', type: 'json' }, event)).toBe('{"title":"x","n":1}')
    expect(csvValue({ key: 'missing', label: 'Missing' }, event)).toBe('')
    expect(csvValue({ key: 'count', label: 'Count', format: (value) => `${String(value)} units` }, event)).toBe('-12.5 units')
  })
})

describe('safeCell', () => {
  it('returns short safe text untouched', () => {
    expect(safeCell('hello')).toEqual({ text: 'hello', truncated: false })
  })
})

describe('csvCell', () => {
  const event = { id: '1', createdAt: '2026-01-01T00:00:00.000Z', action: 'delete', n: 3 }

  it('writes the value as stored, marked failed, when a host format throws; a non-string format result as its text', () => {
    const throwing = {
      key: 'action',
      label: 'Action',
      format: () => {
        throw new Error('no wording')
      },
    }
    expect(csvCell(throwing, event)).toEqual({ text: 'delete', failed: true })
    const numeric = { key: 'n', label: 'N', format: ((value: unknown) => Number(value) * 2) as unknown as (value: unknown) => string }
    expect(csvCell(numeric, event)).toEqual({ text: '6', failed: false })
  })

  it('leaves the cell empty, marked failed, when a host value accessor throws', () => {
    const field = {
      key: 'derived',
      label: 'Derived',
      value: () => {
        throw new Error('unexpected shape')
      },
    }
    expect(csvCell(field, event)).toEqual({ text: '', failed: true })
  })
})
