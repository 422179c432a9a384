import { toCompactJson } from '../core/format'
import type { AuditEvent } from '../core/types'
import type { GetEventId } from '../core/eventId'

/** What the chain keeps of one identity: small, and its events only while their page may be held. */
interface Identity {
  /** The page that first showed it. */
  page: number
  /** Its versions, for telling a copy from a repeat with other content; dropped with its page. */
  versions: AuditEvent[] | undefined
  /** How many versions were kept as rows (their keys count on from it). */
  count: number
}

/** What a page's first processing decided, when anything but "every event a row, under its identity". */
interface PageDecisions {
  /** The page's identities in order, to tell whether a page fetched again is the same page. */
  ids: string[]
  /** Positions of exact copies of an event shown before: left out. */
  merged: ReadonlySet<number>
  /** Keys of events that repeat an identity with other content, by position. */
  keys: ReadonlyMap<number, string>
}

/**
 * What a search's pages have shown, kept while their events come and go. The viewer holds the events of a
 * window of pages around what is visible; the chain keeps, for every page ever loaded, its cursor and its row
 * count (so a page dropped can be fetched again and lands on its own rows), and for every identity the page
 * that first showed it (so an event is never shown twice). Each page is checked and de-duplicated once, when
 * it arrives: a page arriving never costs work over the pages before it.
 */
export interface PageChain {
  /** The cursor each page was fetched with (the first page's is `undefined`). */
  readonly cursors: (string | undefined)[]
  /** Events inside the searched range each page held (before de-duplication): empty pages stop a runaway walk. */
  readonly inside: number[]
  /** The rows each page gave the first time it was processed. */
  readonly counts: number[]
  /** The row each page starts at (a running sum of `counts`). */
  readonly starts: number[]
  readonly seen: Map<string, Identity>
  readonly decisions: Map<number, PageDecisions>
  /** Identities whose versions are kept, by page, so a page dropped lets go of its events. */
  readonly held: Map<number, string[]>
  /** The keys of rows that repeat an identity (weak: they go with their events). */
  readonly keys: WeakMap<AuditEvent, string>
  /**
   * Exact copies of an earlier page's event left out, repeats with other content kept apart, and events outside
   * the range, over every page's first processing. Exact copies within one page are rows, counted in neither.
   */
  merged: number
  repeated: number
  outsideRange: number
  /** Set when a page fetched again held other events than the first time: the log changed under the reader. */
  changed: boolean
}

export const createPageChain = (): PageChain => ({
  cursors: [],
  inside: [],
  counts: [],
  starts: [],
  seen: new Map(),
  decisions: new Map(),
  held: new Map(),
  keys: new WeakMap(),
  merged: 0,
  repeated: 0,
  outsideRange: 0,
  changed: false,
})

/** Rows the chain's pages have given so far. */
export const chainRows = (chain: PageChain): number => (chain.counts.length === 0 ? 0 : (chain.starts.at(-1) ?? 0) + (chain.counts.at(-1) ?? 0))

/** The key of a row: its identity, or for a repeat of an identity the key its page gave it. */
export const chainKey = <TEvent extends AuditEvent>(chain: PageChain, event: TEvent, getId: GetEventId<TEvent>): string =>
  chain.keys.get(event) ?? getId(event)

const sameData = (a: AuditEvent, b: AuditEvent): boolean => a === b || toCompactJson(a) === toCompactJson(b)

/** A page's first processing: which events become rows (copies merged, repeats keyed), recorded for later fetches. */
export function firstProcessing<TEvent extends AuditEvent>(
  chain: PageChain,
  index: number,
  events: readonly TEvent[],
  getId: GetEventId<TEvent>,
  cursor: string | undefined,
): TEvent[] {
  chain.cursors[index] = cursor
  const rows: TEvent[] = []
  const ids: string[] = []
  const merged = new Set<number>()
  const keys = new Map<number, string>()
  const held: string[] = []
  const thisPage = new Set<AuditEvent>()
  events.forEach((event, position) => {
    const id = getId(event)
    ids.push(id)
    const identity = chain.seen.get(id)
    if (!identity) {
      thisPage.add(event)
      chain.seen.set(id, { page: index, versions: [event], count: 1 })
      held.push(id)
      rows.push(event)
      return
    }
    // Compared with the versions still held; one whose page was dropped cannot be compared, so the event is
    // kept as a row of its own: nothing is hidden. Only a copy of an event an earlier page showed is merged
    // (pages that overlap); copies within one page are distinct source records and each stays a row.
    const copy = identity.versions?.find((version) => sameData(version, event))
    if (copy && !thisPage.has(copy)) {
      merged.add(position)
      chain.merged += 1
      return
    }
    identity.count += 1
    let n = identity.count
    // Never a key another event has as its identity.
    while (chain.seen.has(`${id}#${String(n)}`)) n += 1
    const key = `${id}#${String(n)}`
    keys.set(position, key)
    chain.keys.set(event, key)
    identity.versions?.push(event)
    thisPage.add(event)
    if (!copy) chain.repeated += 1
    rows.push(event)
  })
  if (merged.size > 0 || keys.size > 0) chain.decisions.set(index, { ids, merged, keys })
  chain.held.set(index, held)
  chain.starts[index] = chainRows(chain)
  chain.counts[index] = rows.length
  return rows
}
