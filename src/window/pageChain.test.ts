import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { AuditEvent } from '../core/types'
import { byId } from '../core/eventId'
import { rowsOfOverlappingPages } from '../../test/support/overlappingPages'
import { chainKey, chainRows, createPageChain } from './pageChain'
import { pageAtRow, processPage } from './revisit'

const page = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 6 }).map((ids) => ids.map((id) => ({ id, createdAt: 0 })))

describe('processPage', () => {
  it('gives, page by page, what the plain definition gives for all pages at once; a page fetched again gives its rows again (fuzzed)', () => {
    fc.assert(
      fc.property(fc.array(page, { minLength: 1, maxLength: 10 }), fc.integer({ min: 2, max: 5 }), (pages, keep) => {
        // Held whole, the pages give the plain definition.
        const whole = createPageChain()
        expect(pages.flatMap((events, index) => processPage(whole, index, String(index), events, byId, pages.length + 1))).toEqual(
          rowsOfOverlappingPages(pages),
        )
        expect(chainRows(whole)).toBe(rowsOfOverlappingPages(pages).length)
        // Held a few at a time, a copy of an event let go is shown rather than hidden.
        const chain = createPageChain()
        const rows = pages.map((events, index) => processPage(chain, index, String(index), events, byId, keep))
        expect(rows.flat().length).toBeGreaterThanOrEqual(rowsOfOverlappingPages(pages).length)
        // Fetched again (new objects, as a backend sends them), in any order: the same rows, at the same places.
        pages.forEach((events, index) => {
          const again = processPage(chain, index, String(index), structuredClone(events), byId, keep)
          expect(again.map((event) => event.id)).toEqual(rows[index]?.map((event) => event.id))
          expect(chain.starts[index]).toBe(rows.slice(0, index).flat().length)
          expect(chain.cursors[index]).toBe(String(index))
        })
        expect(chain.changed).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps events that repeat an id with other content, each with a key of its own, and merges exact copies', () => {
    // Kubernetes repeats auditID for each stage of a request; an export may hold a byte-identical line twice.
    const stages: AuditEvent[] = ['RequestReceived', 'ResponseComplete'].map((stage) => ({ id: 'audit-1', createdAt: 0, stage }))
    const copy: AuditEvent = { id: 'b', createdAt: 0 }
    const chain = createPageChain()
    const first = processPage(chain, 0, undefined, [...stages, copy], byId, 4)
    const second = processPage(chain, 1, 'p2', [{ ...copy }, { ...(stages[1] as AuditEvent) }], byId, 4)
    const rows = [...first, ...second]
    expect(rows.map((event) => event.stage ?? event.id)).toEqual(['RequestReceived', 'ResponseComplete', 'b'])
    expect(rows.map((event) => chainKey(chain, event, byId))).toEqual(['audit-1', 'audit-1#2', 'b'])
    expect([chain.repeated, chain.merged]).toEqual([1, 2])
  })

  it('keeps exact copies within one page as rows of their own, and merges only copies of an earlier page', () => {
    // Two source records without a vendor id, alike in every field, in one page: both are records.
    const record: AuditEvent = { id: 'okta-1', createdAt: 0, action: 'user.session.start' }
    const chain = createPageChain()
    const first = processPage(chain, 0, undefined, [record, { ...record }], byId, 4)
    expect(first.map((event) => chainKey(chain, event, byId))).toEqual(['okta-1', 'okta-1#2'])
    expect([chain.repeated, chain.merged]).toEqual([0, 0])
    // The next page overlaps the first at its boundary: those copies are merged, and counted.
    const second = processPage(chain, 1, 'p2', [{ ...record }, { ...record }, { id: 'c', createdAt: 0 }], byId, 4)
    expect(second.map((event) => event.id)).toEqual(['c'])
    expect(chain.merged).toBe(2)
  })

  it('lets go of the events of pages that can no longer be held, and then keeps a repeat rather than hide it', () => {
    const chain = createPageChain()
    const event = { id: 'a', createdAt: 0, action: 'x' }
    processPage(chain, 0, undefined, [event], byId, 2)
    for (let index = 1; index <= 3; index += 1) processPage(chain, index, String(index), [{ id: `e${String(index)}`, createdAt: 0 }], byId, 2)
    // Page 0 is three pages away: its event is no longer referenced by the chain.
    expect(chain.seen.get('a')?.versions).toBeUndefined()
    expect(chain.held.has(0)).toBe(false)
    // The same event again, far away: it cannot be compared with a version let go, so it is shown, keyed.
    const again = processPage(chain, 4, '4', [{ ...event }], byId, 2)
    expect(again).toHaveLength(1)
    expect(chainKey(chain, again[0] as AuditEvent, byId)).toBe('a#2')
  })

  it('says when a page fetched again holds other events, and keeps the rows it had', () => {
    const chain = createPageChain()
    processPage(chain, 0, undefined, [{ id: 'a', createdAt: 0 }], byId, 4)
    processPage(chain, 1, '1', [{ id: 'b', createdAt: 0 }], byId, 4)
    const again = processPage(
      chain,
      0,
      undefined,
      [
        { id: 'new', createdAt: 1 },
        { id: 'a', createdAt: 0 },
      ],
      byId,
      4,
    )
    expect(chain.changed).toBe(true)
    expect(again).toHaveLength(1)
    expect(chainRows(chain)).toBe(2)
  })

  it('finds the page of a row, across empty pages', () => {
    const chain = createPageChain()
    const counts = [3, 0, 2, 0, 0, 4]
    counts.forEach((count, index) =>
      processPage(
        chain,
        index,
        String(index),
        Array.from({ length: count }, (_, at) => ({ id: `${String(index)}-${String(at)}`, createdAt: 0 })),
        byId,
        9,
      ),
    )
    expect([0, 2, 3, 4, 5, 8].map((row) => pageAtRow(chain, row))).toEqual([0, 0, 2, 2, 5, 5])
  })
})
