import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { AuditPage } from '../core/types'
import { flattenPages } from './flattenPages'

/** The plain definition: every event in order, each id once. */
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
        for (const list of lists) expect(flattenPages(list)).toEqual(naive(list))
        // Every earlier list still reads right after later ones were flattened.
        for (const list of lists) expect(flattenPages(list)).toEqual(naive(list))
      }),
      { numRuns: 500 },
    )
  })

  it('tells apart lists that share their first and last pages but not the ones between', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id): AuditPage => ({ events: [{ id, createdAt: 0 }] })) as [AuditPage, AuditPage, AuditPage]
    expect(flattenPages([a, b, a]).map((event) => event.id)).toEqual(['a', 'b'])
    expect(flattenPages([a, c, a]).map((event) => event.id)).toEqual(['a', 'c'])
  })

  it('never changes an array it returned when the next page arrives', () => {
    const first: AuditPage = { events: [{ id: 'a', createdAt: 0 }] }
    const before = flattenPages([first])
    const after = flattenPages([
      first,
      {
        events: [
          { id: 'a', createdAt: 1 },
          { id: 'b', createdAt: 2 },
        ],
      },
    ])
    expect(before.map((event) => event.id)).toEqual(['a'])
    expect(after.map((event) => event.id)).toEqual(['a', 'b'])
    expect(after).not.toBe(before)
  })
})
