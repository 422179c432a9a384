import { describe, expect, it } from 'vitest'

import { defaultFields } from './fields'
import { uncoveredPaths } from './otherProperties'

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
    expect(uncoveredPaths(event, defaultFields)).toEqual(['id', 'user.phone', 'user.address', 'traceId', 'tags'])
  })

  it('lists every top-level property when there are no fields', () => {
    expect(uncoveredPaths({ id: 'a', createdAt: 1, nested: { a: 1 } }, [])).toEqual(['id', 'createdAt', 'nested'])
  })
})
