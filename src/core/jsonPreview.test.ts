import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { toCompactJson } from './format'
import { jsonPreview } from './jsonPreview'

describe('jsonPreview', () => {
  it('is the start of the compact JSON of any JSON value (fuzzed)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 300 }), (value, maxLength) => {
        const full = toCompactJson(value)
        expect(jsonPreview(value, maxLength)).toBe(full.slice(0, maxLength))
      }),
    )
  })

  it('leaves out what JSON leaves out, writes BigInt as text and a cycle as a marker', () => {
    const cyclic: Record<string, unknown> = { a: 1, f: () => 1, u: undefined, big: 12n, list: [undefined, 2] }
    cyclic.self = cyclic
    expect(jsonPreview(cyclic, 1000)).toBe('{"a":1,"big":"12","list":[null,2],"self":"[Circular]"}')
    expect(jsonPreview({ at: new Date(0) }, 1000)).toBe('{"at":"1970-01-01T00:00:00.000Z"}')
  })

  it('reads only the start of a huge value: 20 MB of text, 100,000 keys, 10,000 levels', () => {
    const huge = { text: 'x'.repeat(20_000_000) }
    expect(jsonPreview(huge, 50)).toBe(`{"text":"${'x'.repeat(41)}`)
    const wide = Object.fromEntries(Array.from({ length: 100_000 }, (_, index) => [`k${index}`, index]))
    expect(jsonPreview(wide, 20)).toBe('{"k0":0,"k1":1,"k2":')
    let deep: unknown = 'bottom'
    for (let level = 0; level < 10_000; level += 1) deep = { deep }
    expect(jsonPreview(deep, 30)).toBe('{"deep":{"deep":{"deep":{"deep')
  })
})
