import { describe, expect, it } from 'vitest'

import { defaultFields } from './fields'
import { listUncovered, uncoveredPaths } from './otherProperties'

describe('uncoveredPaths', () => {
  it('lists what no field covers, down to the uncovered part of a partly covered object', () => {
    const event = {
      id: 'a',
      createdAt: 1,
      action: 'save',
      user: { id: 'u', name: 'Ana', phone: '+420 123', address: { city: 'Brno' } },
      payload: { deep: { deeper: true } },
      traceId: 't-1',
      tags: ['x'],
    }
    expect(uncoveredPaths(event, defaultFields).map((other) => other.label)).toEqual(['id', 'user.phone', 'user.address', 'traceId', 'tags'])
  })

  it('lists every top-level property when there are no fields', () => {
    expect(uncoveredPaths({ id: 'a', createdAt: 1, nested: { a: 1 } }, []).map((other) => other.label)).toEqual(['id', 'createdAt', 'nested'])
  })

  it('lists a property whose name holds dots under its quoted name: the field of that path does not cover it', () => {
    const event = { id: 'a', createdAt: 1, user: { email: 'real@example.com' }, 'user.email': 'ceo@example.com', payload: { 'a.b': 1 } }
    const others = uncoveredPaths(event, [{ key: 'user.email' }, { key: 'payload.x' }])
    expect(others.map((other) => other.label)).toEqual(['id', 'createdAt', '"user.email"', 'payload."a.b"'])
    expect(others[2]?.segments).toEqual(['user.email'])
  })

  it('lists the first of many and counts them all', () => {
    const wide = Object.fromEntries(Array.from({ length: 1_000 }, (_, index) => [`k${String(index)}`, index]))
    const { paths, total } = listUncovered(
      { id: 'a', createdAt: 1, ...wide, user: { email: 'x', name: 'y' } },
      [{ key: 'id' }, { key: 'user.email' }],
      10,
    )
    expect(paths.map((path) => path.label)).toEqual(['createdAt', ...Array.from({ length: 9 }, (_, index) => `k${String(index)}`)])
    // createdAt, 1,000 keys and user.name.
    expect(total).toBe(1_002)
  })
})
