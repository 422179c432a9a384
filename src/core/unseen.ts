import { toCompactJson } from './format'
import type { AuditEvent } from './types'

import { byId, type GetEventId } from './eventId'

/** What a list of events has seen: every version of each identity, and what it merged or kept apart. */
export interface Seen {
  /** The event of each identity, or every version of one that repeats (an array only then: 100,000 ids, no arrays). */
  versions: Map<string, AuditEvent | AuditEvent[]>
  /** Keys of events that repeat an identity with other content: `id#2`, `id#3`… */
  keys: Map<AuditEvent, string>
  /** Exact copies of an event already seen (pages that overlap; a backend that sends one twice): shown once. */
  merged: number
  /** Events that repeat an identity with other content: kept, as rows of their own. */
  repeated: number
}

export const createSeen = (): Seen => ({ versions: new Map(), keys: new Map(), merged: 0, repeated: 0 })

/** Whether two events hold the same data (the same object, or the same JSON). */
const sameData = (a: AuditEvent, b: AuditEvent): boolean => a === b || toCompactJson(a) === toCompactJson(b)

/**
 * The events of a page a list should add, in order. An exact copy of an event already seen is left out (pages
 * that overlap as offsets shift under inserts repeat events); an event that repeats an identity with other
 * content (Kubernetes repeats `auditID` for each stage of a request) is kept and gets a key of its own
 * (`keyOf`), so nothing is hidden. One map lookup per event; content is compared only when an identity repeats.
 */
export function takeUnseen<TEvent extends AuditEvent>(events: readonly TEvent[], seen: Seen, getId: GetEventId<TEvent> = byId): TEvent[] {
  const fresh: TEvent[] = []
  for (const event of events) {
    const id = getId(event)
    const known = seen.versions.get(id)
    if (!known) {
      seen.versions.set(id, event)
      fresh.push(event)
      continue
    }
    const versions = Array.isArray(known) ? known : [known]
    if (versions.some((version) => sameData(version, event))) {
      seen.merged += 1
    } else {
      if (versions !== known) seen.versions.set(id, versions)
      versions.push(event)
      seen.repeated += 1
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
