import { toCompactJson } from './format'
import type { AuditEvent } from './types'

import { byId, type GetEventId } from './eventId'

/** What a list of events has seen: every version of each identity, and what it merged or kept apart. */
export interface Seen {
  /** The event of each identity, or every version of one that repeats (an array only then: 100,000 ids, no arrays). */
  versions: Map<string, AuditEvent | AuditEvent[]>
  /** Keys of events that repeat an identity with other content: `id#2`, `id#3`… */
  keys: Map<AuditEvent, string>
  /** Exact copies of an event an earlier page held (pages that overlap): shown once. Copies within one page are kept. */
  merged: number
  /** Events that repeat an identity with other content: kept, as rows of their own. */
  repeated: number
}

export const createSeen = (): Seen => ({ versions: new Map(), keys: new Map(), merged: 0, repeated: 0 })

/** Whether two events hold the same data (the same object, or the same JSON). */
const sameData = (a: AuditEvent, b: AuditEvent): boolean => a === b || toCompactJson(a) === toCompactJson(b)

/**
 * The events of one page a list should add, in order. An exact copy of an event an earlier page held is left
 * out (pages that overlap as offsets shift under inserts repeat events); exact copies within the page are
 * distinct source records (a vendor without ids) and are kept, keyed like repeats; an event that repeats an identity with other
 * content (Kubernetes repeats `auditID` for each stage of a request) is kept and gets a key of its own
 * (`keyOf`), so nothing is hidden. One map lookup per event; content is compared only when an identity repeats.
 */
export function takeUnseen<TEvent extends AuditEvent>(events: readonly TEvent[], seen: Seen, getId: GetEventId<TEvent> = byId): TEvent[] {
  const fresh: TEvent[] = []
  const thisPage = new Set<AuditEvent>()
  for (const event of events) {
    const id = getId(event)
    const known = seen.versions.get(id)
    if (!known) {
      seen.versions.set(id, event)
      thisPage.add(event)
      fresh.push(event)
      continue
    }
    const versions = Array.isArray(known) ? known : [known]
    const copy = versions.find((version) => sameData(version, event))
    // Only a copy of an earlier page's event is merged (pages that overlap); within one page it is a record.
    if (copy && !thisPage.has(copy)) {
      seen.merged += 1
    } else {
      if (versions !== known) seen.versions.set(id, versions)
      versions.push(event)
      thisPage.add(event)
      if (!copy) seen.repeated += 1
      let n = versions.length
      // Never a key another event has as its identity.
      while (seen.versions.has(`${id}#${String(n)}`)) n += 1
      seen.keys.set(event, `${id}#${String(n)}`)
      fresh.push(event)
    }
  }
  return fresh
}

/** The key of an event in a list: its identity, or for a repeated identity the key `takeUnseen` gave it. */
export const keyOf = <TEvent extends AuditEvent>(seen: Seen, event: TEvent, getId: GetEventId<TEvent> = byId): string =>
  seen.keys.get(event) ?? getId(event)
