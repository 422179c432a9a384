import { describe, expect, it } from 'vitest'

import { revealHidden, toCompactJson, toPrettyJson } from './format'

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

describe('revealHidden', () => {
  it('shows bidi overrides, isolates and zero-width spaces as code points, and leaves joiners and marks alone', () => {
    expect(revealHidden('Robert\u202Eexe.pdf')).toBe('Robert[U+202E]exe.pdf')
    expect(revealHidden('\u2067admin\u2069 \uFEFFroot\u200B\u2060')).toBe('[U+2067]admin[U+2069] [U+FEFF]root[U+200B][U+2060]')
    // Emoji sequences and Persian text need the joiners; RTL names may carry direction marks.
    expect(revealHidden('👨\u200D👩\u200D👧 می\u200Cخواهم \u200Fשלום')).toBe('👨\u200D👩\u200D👧 می\u200Cخواهم \u200Fשלום')
  })
})
