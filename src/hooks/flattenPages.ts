import type { AuditEvent, AuditPage } from '../core/types'
import { byId, createSeen, type GetEventId, type Seen, takeUnseen } from '../core/unseen'

/** The events of pages, each once (exact copies merged, repeated identities kept apart), and what was seen. */
export interface Flattened<TEvent extends AuditEvent = AuditEvent> {
  events: TEvent[]
  seen: Seen
}

interface Cached extends Flattened {
  pages: readonly AuditPage[]
  getId: GetEventId<never>
}

// Keyed by a result's last page: loading page n + 1 reuses the result for the first n pages and adds only the
// new page's events, instead of hashing every loaded id again (at 100,000 events in pages of 50 that was
// ~29 ms per page, ~12 s over the whole log). Weak keys: a result goes when its pages leave the cache.
const results = new WeakMap<AuditPage, Cached>()

/**
 * Every loaded event in order, each once: a backend whose pages overlap (offsets shifting under inserts)
 * repeats none, and one that repeats an identity with other content hides none. Incremental when pages are
 * appended, as loading the next page does.
 */
export function flattenPages<TEvent extends AuditEvent>(pages: readonly AuditPage<TEvent>[], getId: GetEventId<TEvent> = byId): Flattened<TEvent> {
  const list = pages as readonly AuditPage[]
  const last = list.at(-1)
  if (!last) return { events: [], seen: createSeen() }
  // A result fits when it was made from exactly the first `count` pages of this list (pointer comparisons).
  const fits = (result: Cached | undefined, count: number): result is Cached =>
    result?.getId === getId && result.pages.length === count && result.pages.every((page, index) => page === list[index])

  const same = results.get(last)
  if (fits(same, list.length)) return same as unknown as Flattened<TEvent>

  const before = list.length > 1 ? results.get(list[list.length - 2] as AuditPage) : undefined
  const extend = fits(before, list.length - 1)
  const seen = extend ? before.seen : createSeen()
  const identify = getId as GetEventId
  const fresh = (extend ? [last] : list).flatMap((page) => takeUnseen(page.events, seen, identify))
  // The result extended hands its `seen` on, so it leaves the cache: it can be extended only once. And only
  // the newest result of a chain is kept (one per page would hold n² events at n pages).
  if (extend) results.delete(list[list.length - 2] as AuditPage)
  const events = extend ? before.events.concat(fresh) : fresh
  results.set(last, { events, seen, pages: [...list], getId })
  return { events: events as TEvent[], seen }
}
