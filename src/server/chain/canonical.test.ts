import canonicalize from 'canonicalize'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { checkEvent } from '../ingest/checkEvent'
import { canonicalJson, storedForm } from './canonical'

/** What the chain's verifier hashes for a value: `canonicalize` over what PostgreSQL stores. */
const reference = (value: unknown): string | undefined => canonicalize(storedForm(JSON.stringify(value)))

// Well-formed text only: RFC 8785 has no form for lone surrogates, and stored events hold none.
const text = fc.string({ unit: 'grapheme' })
// Keys V8 would enumerate out of insertion order, and names that are special to objects.
const key = fc.oneof(text, fc.constantFrom('0', '1', '10', '9', '01', '-1', '4294967295', '__proto__', 'toJSON', '\u20ac', '\ud83d\ude00', ''))
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value')),
    fc.dictionary(key, tie('value')),
  ),
})).value

describe('canonicalJson', () => {
  it('is the RFC 8785 text of what PostgreSQL stores, as canonicalize writes it', () => {
    fc.assert(
      fc.property(fc.dictionary(key, json), (value) => {
        expect(canonicalJson(value)).toBe(reference(value))
      }),
      { numRuns: 500 },
    )
  })

  it('writes what JSON changes as it is stored (Dates, undefined, NaN, toJSON, -0)', () => {
    const value = {
      at: new Date('2026-01-01T00:00:00Z'),
      gone: undefined,
      nan: Number.NaN,
      zero: -0,
      own: { toJSON: () => 'mine' },
      list: [undefined, Infinity, new Date(0)],
      10: 'ten',
      9: 'nine',
    }
    expect(canonicalJson(value)).toBe(reference(value))
    expect(canonicalJson(value)).toBe(
      '{"10":"ten","9":"nine","at":"2026-01-01T00:00:00.000Z","list":[null,null,"1970-01-01T00:00:00.000Z"],"nan":null,"own":"mine","zero":0}',
    )
  })

  it('is what a checked event carries as its JSON', () => {
    const row = checkEvent({ id: 'e1', action: 'user.login', payload: { b: 1, a: [2, { d: 'x', c: '\u0000' }] } }, 't', 'event')
    expect(row.json).toBe(reference(row.data))
    expect(JSON.parse(row.json)).toEqual(row.data)
  })
})
