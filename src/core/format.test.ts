import { describe, expect, it } from 'vitest'

import { toCompactJson, toPrettyJson } from './format'

describe('toCompactJson', () => {
  it('never throws: BigInt becomes digits, a cycle a marker, undefined empty', () => {
    expect(toCompactJson({ a: 1, b: [true, null] })).toBe('{"a":1,"b":[true,null]}')
    expect(toCompactJson({ big: 12n })).toBe('{"big":"12"}')
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(toCompactJson(cyclic)).toBe('[unserialisable value]')
    expect(toCompactJson(undefined)).toBe('')
    expect(toPrettyJson({ a: 1 })).toBe('{\n  "a": 1\n}')
  })
})
