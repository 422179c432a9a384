import { describe, expect, it } from 'vitest'

import { revealHidden, severityLevel, toCompactJson, toneOf, toPrettyJson } from './format'

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

describe('toneOf', () => {
  it('knows the common vocabularies in any case', () => {
    const cases: Array<[string, string]> = [
      ['WARN', 'warning'],
      ['Warning', 'warning'],
      ['NOTICE', 'info'],
      ['Informational', 'info'],
      ['DEBUG', 'neutral'],
      ['EMERGENCY', 'danger'],
      ['ALLOW', 'success'],
      ['DENY', 'danger'],
      ['forbid', 'danger'],
      ['Succeeded', 'success'],
      ['CHALLENGE', 'warning'],
      ['something else', 'neutral'],
    ]
    for (const [value, tone] of cases) expect(toneOf(value), value).toBe(tone)
  })

  it("takes a field's own tones first, and reads HTTP codes in a status field", () => {
    const field = { type: 'status' as const, tones: { CHALLENGE: 'info' as const, Started: 'warning' as const } }
    expect(toneOf('challenge', field)).toBe('info')
    expect(toneOf('STARTED', field)).toBe('warning')
    expect(toneOf('DENY', field)).toBe('danger')
    expect(toneOf(204, field)).toBe('success')
    expect(toneOf('403', field)).toBe('warning')
    expect(toneOf(503, field)).toBe('danger')
    expect(toneOf(503, { type: 'severity' })).toBe('neutral')
  })
})

describe('severityLevel', () => {
  it('grades common severity words from 0 (debug) to 4 (critical), in any case', () => {
    const cases: [string, number][] = [
      ['DEBUG', 0],
      ['Info', 1],
      ['low', 1],
      ['Medium', 2],
      ['WARN', 2],
      ['High', 3],
      ['error', 3],
      ['Critical', 4],
      ['EMERGENCY', 4],
    ]
    for (const [value, level] of cases) expect(severityLevel(value), value).toBe(level)
  })

  it("grades a word it does not know by the field's tone for it, and anything else as 0", () => {
    const field = { type: 'severity' as const, tones: { Sev1: 'danger' as const, Sev3: 'info' as const } }
    expect(severityLevel('Sev1', field)).toBe(3)
    expect(severityLevel('Sev3', field)).toBe(1)
    expect(severityLevel('unheard-of')).toBe(0)
    expect(severityLevel(undefined)).toBe(0)
  })
})
