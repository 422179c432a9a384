import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { AuditEvent, AuditPage } from '../core/types'
import { byId } from '../core/eventId'
import { rowsOfOverlappingPages } from '../../test/support/overlappingPages'
import { type ArrivedPage, arrive, type EventWindow, loadRevisit, type PageParam } from './eventWindow'

// The window driven as a query drives it, without React: pages fetched (`arrive`), held (at most `keep`, as React
// Query's `maxPages`), and handed to the window when held.

const AT = Date.UTC(2026, 0, 1)
const event = (id: string, minute = 0): AuditEvent => ({ id, createdAt: new Date(AT - minute * 60_000).toISOString() })

/** A fake backend: its pages by cursor (`p0` for the first). */
const backend = (pages: readonly AuditPage[]) => (cursor: string | undefined) => pages[cursor ? Number(cursor.slice(1)) : 0] as AuditPage
const cursored = (pages: readonly AuditEvent[][]): AuditPage[] =>
  pages.map((events, index) => ({ events, nextCursor: index < pages.length - 1 ? `p${String(index + 1)}` : null }))

const FIRST: PageParam<AuditEvent> = { index: 0, cursor: undefined }

/** Reads every page the window lets it, holding all of them; the pages held, in order. */
async function readAll(send: (cursor: string | undefined) => AuditPage, keep = 100, search = {}): Promise<ArrivedPage<AuditEvent>[]> {
  let pages = [arrive(FIRST, send(undefined), search, byId, keep)]
  for (let param = pages[0]?.window.next(pages); param; param = pages[0]?.window.next(pages)) {
    // As `useAuditEvents` does before a page that needs the far-page code arrives.
    if (param.index >= keep) await loadRevisit()
    pages = [...pages, arrive(param, send(param.cursor), search, byId, keep)]
    if (pages.length > 50) break
  }
  return pages
}

const windowOf = (pages: readonly ArrivedPage<AuditEvent>[]): EventWindow<AuditEvent> => (pages[0] as ArrivedPage<AuditEvent>).window

// Never empty: empty pages in a row stop paging (a storm guard), which other tests show.
const page = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1, maxLength: 5 }).map((ids) => ids.map((id) => event(id)))

describe('EventWindow', () => {
  it("shows the concatenation of the pages held minus the copies of an earlier page's events, and counts each copy once (fuzzed)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 8 }), async (events) => {
        const pages = await readAll(backend(cursored(events)))
        // Asked twice (the query for the next page, then a render): each page is taken in once.
        const view = windowOf(pages).view(pages, true)
        expect(windowOf(pages).view(pages, true)).toEqual(view)
        expect(view.events).toEqual(rowsOfOverlappingPages(events))
        expect(view.rowCount).toBe(view.events.length)
        expect(view.events.length + view.mergedCopies).toBe(events.flat().length)
        // Every page read: the count is what is shown.
        expect(view.total ?? view.events.length).toBe(view.events.length)
      }),
      { numRuns: 200 },
    )
  })

  it('gives views that never change: a later page makes a new view and leaves the one given as it was', async () => {
    const send = backend(
      cursored([
        [event('a'), event('b')],
        [event('b'), event('c')],
      ]),
    )
    const first = [arrive(FIRST, send(undefined), {}, byId, 4)]
    const window = windowOf(first)
    const before = window.view(first, true)
    const shown = structuredClone(before)
    const param = window.next(first) as PageParam<AuditEvent>
    const both = [...first, arrive(param, send(param.cursor), {}, byId, 4)]
    const after = window.view(both, true)
    expect(after).not.toBe(before)
    expect(before).toEqual(shown)
    expect(after.events.map((row) => row.id)).toEqual(['a', 'b', 'c'])
    expect(after.mergedCopies).toBe(1)
  })

  it('is not changed by a page that arrived and was dropped (a fetch cancelled): only pages held are taken in', async () => {
    const send = backend(cursored([[event('a')], [event('b'), event('a', 1)], [event('c')]]))
    const first = [arrive(FIRST, send(undefined), {}, byId, 4)]
    const window = windowOf(first)
    const param = window.next(first) as PageParam<AuditEvent>
    // Fetched, then dropped: never held.
    arrive(param, send(param.cursor), {}, byId, 4)
    expect(window.view(first, true)).toMatchObject({ rowCount: 1, repeatedIds: 0 })
    expect(window.next(first)).toEqual(param)
    // Fetched again and held: its first taking in, as if the dropped one had never come.
    const both = [...first, arrive(param, send(param.cursor), {}, byId, 4)]
    expect(window.view(both, true)).toMatchObject({ rowCount: 3, repeatedIds: 1, logChanged: false })
  })

  it('leaves out events outside the searched range, counted once however often the window is asked', async () => {
    const search = { from: new Date(AT - 10 * 60_000).toISOString(), to: new Date(AT + 60_000).toISOString() }
    const pages = await readAll(backend(cursored([[event('in'), event('old', 60)], [event('older', 120)]])), 100, search)
    const window = windowOf(pages)
    window.view(pages, true)
    expect(window.view(pages, false)).toMatchObject({ outsideRange: 2, rowCount: 1 })
  })

  it('stops on a cursor that comes twice, and says so', async () => {
    const send = (cursor: string | undefined): AuditPage => ({ events: [event(cursor ?? 'first')], nextCursor: 'again' })
    const pages = await readAll(send)
    expect(pages).toHaveLength(2)
    expect(windowOf(pages).next(pages)).toBeUndefined()
    expect(windowOf(pages).view(pages, true).pagingStop).toBe('repeated-cursor')
  })

  it('gives no page before the first; a window starts with each search', async () => {
    const send = backend(cursored([[event('a')], [event('b')]]))
    const pages = await readAll(send)
    expect(windowOf(pages).previous(pages[0] as ArrivedPage<AuditEvent>)).toBeUndefined()
    const again = await readAll(send)
    expect(windowOf(again)).not.toBe(windowOf(pages))
  })

  it('holds what the backend counted only while its events do not contradict it', async () => {
    const send = (cursor: string | undefined): AuditPage =>
      cursor ? { events: [event('b'), event('c')], nextCursor: null, total: 1 } : { events: [event('a')], nextCursor: 'p1', total: 3 }
    const first = [arrive(FIRST, send(undefined), {}, byId, 4)]
    // More to come: the backend's count stands.
    expect(windowOf(first).view(first, true)).toMatchObject({ total: 3, reportedTotal: undefined })
    const pages = await readAll(send)
    // Every page in: the count is what came, the backend's own said beside it.
    expect(windowOf(pages).view(pages, true)).toMatchObject({ total: 3, reportedTotal: 1 })
  })
})
