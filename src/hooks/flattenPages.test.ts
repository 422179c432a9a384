import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { AuditEvent, AuditPage } from '../core/types'
import { keyOf } from '../core/unseen'
import { flattenPages } from './flattenPages'

/** The plain definition for events that are equal when their ids are: every event in order, each id once. */
function naive(pages: readonly AuditPage[]) {
  const seen = new Set<string>()
  return pages.flatMap((page) => page.events.filter((event) => !seen.has(event.id) && Boolean(seen.add(event.id))))
}

const page = fc
  .array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 6 })
  .map((ids): AuditPage => ({ events: ids.map((id) => ({ id, createdAt: 0 })) }))

describe('flattenPages', () => {
  it('equals the plain definition however pages are appended, re-read, branched or replaced (fuzzed)', () => {
    fc.assert(
      fc.property(fc.array(page, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), (pool, steps) => {
        // A sequence of page lists as React Query would hand them: appends of new pages, the same list again,
        // a branch from an earlier prefix (the same page objects), or a refetch (new page objects).
        let current: AuditPage[] = []
        const lists: AuditPage[][] = []
        for (const step of [0, ...steps]) {
          const choice = step % 4
          if (choice === 0 || current.length === 0) current = [...current, pool[step % pool.length] as AuditPage]
          else if (choice === 1) current = [...current]
          else if (choice === 2) current = current.slice(0, 1 + (step % current.length))
          else current = current.map((old) => ({ events: [...old.events] }))
          lists.push(current)
        }
        for (const list of lists) expect(flattenPages(list).events).toEqual(naive(list))
        // Every earlier list still reads right after later ones were flattened.
        for (const list of lists) expect(flattenPages(list).events).toEqual(naive(list))
      }),
      { numRuns: 500 },
    )
  })

  it('tells apart lists that share their first and last pages but not the ones between', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id): AuditPage => ({ events: [{ id, createdAt: 0 }] })) as [AuditPage, AuditPage, AuditPage]
    expect(flattenPages([a, b, a]).events.map((event) => event.id)).toEqual(['a', 'b'])
    expect(flattenPages([a, c, a]).events.map((event) => event.id)).toEqual(['a', 'c'])
  })

  it('never changes an array it returned when the next page arrives', () => {
    const first: AuditPage = { events: [{ id: 'a', createdAt: 0 }] }
    const before = flattenPages([first]).events
    const { events: after } = flattenPages([
      first,
      {
        events: [
          { id: 'a', createdAt: 0 },
          { id: 'b', createdAt: 2 },
        ],
      },
    ])
    expect(before.map((event) => event.id)).toEqual(['a'])
    expect(after.map((event) => event.id)).toEqual(['a', 'b'])
    expect(after).not.toBe(before)
  })

  it('keeps events that repeat an id with other content, each with a key of its own, and merges exact copies', () => {
    // Kubernetes repeats auditID for each stage of a request; an export may hold a byte-identical line twice.
    const stages: AuditEvent[] = ['RequestReceived', 'ResponseComplete'].map((stage) => ({ id: 'audit-1', createdAt: 0, stage }))
    const copy: AuditEvent = { id: 'b', createdAt: 0 }
    const { events, seen } = flattenPages([{ events: [...stages, copy] }, { events: [{ ...copy }, { ...(stages[1] as AuditEvent) }] }])
    expect(events.map((event) => event.stage ?? event.id)).toEqual(['RequestReceived', 'ResponseComplete', 'b'])
    expect(events.map((event) => keyOf(seen, event))).toEqual(['audit-1', 'audit-1#2', 'b'])
    expect(seen.repeated).toBe(1)
    expect(seen.merged).toBe(2)
  })

  it('tells events apart by the identity the host gives', () => {
    const stages: AuditEvent[] = ['RequestReceived', 'ResponseComplete'].map((stage) => ({ id: 'audit-1', createdAt: 0, stage }))
    const getId = (event: AuditEvent): string => `${event.id}:${String(event.stage)}`
    const { events, seen } = flattenPages([{ events: stages }], getId)
    expect(events.map((event) => keyOf(seen, event, getId))).toEqual(['audit-1:RequestReceived', 'audit-1:ResponseComplete'])
    expect(seen.repeated).toBe(0)
  })
})
