import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { chainEvents } from '../../core/integrityChain'
import { canonicalBytes, storedForm } from './canonical'
import { appendLinks, GENESIS, linkHash } from './hashChain'

describe('canonical bytes (RFC 8785)', () => {
  it('are the same whatever order the keys come in, sorted by UTF-16 code units', () => {
    const a = canonicalBytes({ b: 1, a: { d: [1, 'x'], c: null }, '\u20ac': 1, '\ud83d\ude00': 2 })
    const b = canonicalBytes({ '\ud83d\ude00': 2, '\u20ac': 1, a: { c: null, d: [1, 'x'] }, b: 1 })
    expect(a.equals(b)).toBe(true)
    expect(a.toString()).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1,"\u20ac":1,"\ud83d\ude00":2}')
  })

  it("write numbers in ECMAScript's shortest form (the RFC's own examples)", () => {
    expect(canonicalBytes([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5]).toString()).toBe('[1e+21,1e-7,0.000001,0,333333333.3333333,4.5]')
  })

  it('hash the stored form of a value, not what the caller held', () => {
    const json = JSON.stringify({ id: 'e1', at: new Date('2026-01-01T00:00:00Z'), gone: undefined, nan: Number.NaN })
    expect(canonicalBytes(storedForm(json)).toString()).toBe('{"at":"2026-01-01T00:00:00.000Z","id":"e1","nan":null}')
  })
})

describe('the hash chain', () => {
  it('links each event to the one before: SHA-256(previous ‖ canonical bytes)', () => {
    const expected = createHash('sha256').update(GENESIS).update('{"a":1}').digest()
    expect(linkHash(GENESIS, { a: 1 }).equals(expected)).toBe(true)
  })

  it('numbers appended events after the head and chains them in order', () => {
    const { links, head } = appendLinks({ seq: 7, hash: GENESIS }, [{ a: 1 }, { b: 2 }])
    expect(links.map((link) => link.seq)).toEqual([8, 9])
    expect(links[1]?.hash.equals(linkHash(linkHash(GENESIS, { a: 1 }), { b: 2 }))).toBe(true)
    expect(head).toEqual(links[1])
    // Another order is another chain.
    expect(appendLinks({ seq: 7, hash: GENESIS }, [{ b: 2 }, { a: 1 }]).head.hash.equals(head.hash)).toBe(false)
  })

  it("is the same chain the browser computes with Web Crypto (the memory adapter's)", async () => {
    const events = [
      { id: 'a', createdAt: '2026-03-01T10:00:00Z', payload: { z: 1, a: [1.5, 'é', null] } },
      { id: 'b', createdAt: 1772359200000, user: { name: '\u202eexe.pdf' } },
    ]
    const browser = await chainEvents(events)
    const server = appendLinks({ seq: 0, hash: GENESIS }, events).links
    expect(browser).toEqual(server.map((link, index) => ({ id: events[index]?.id, seq: link.seq, hash: link.hash.toString('hex') })))
  })
})
