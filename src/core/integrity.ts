import type { IntegrityProblemReason } from './problems'

// Readers of integrity reports find the reason here too; it is defined with the other problem kinds.
export type { IntegrityProblemReason }

export interface IntegrityProblem {
  reason: IntegrityProblemReason
  /** The sequence number where the chain breaks (for `event-missing`, the first missing one). */
  seq: number
  /** The event at `seq`; for `event-missing`, the event right after the gap, or `null` at the tail. */
  eventId: string | null
  /** A sentence for people. */
  message: string
}

/** The answer of an integrity check over a range of a tenant's log (or all of it). */
export interface IntegrityReport {
  /** The last event whose link verified, or `null` when none did. */
  verifiedThrough: { seq: number; createdAt: string } | null
  /** How many chained events were recomputed. */
  events: number
  /** Events in the range stored before the chain existed: not covered, counted apart. */
  unchained: number
  /** The last signed checkpoint that held, or `null` when none did (nothing signed yet, or no key configured). */
  checkpoint: { seq: number; signedAt: string; keyId: string } | null
  /** The first break, when the chain does not verify. */
  problem?: IntegrityProblem
  /** When one event was asked about: its place in the chain and whether it holds. */
  event?: EventIntegrity
}

/** What to verify: the events of `[from, to)` (the list's range), or one event by id; all of the log when empty. */
export interface IntegrityRequest {
  from?: string
  to?: string
  eventId?: string
}

/** An event's place in its tenant's chain, for the drawer. */
export interface EventIntegrity {
  seq: number | null
  /** The link's SHA-256, hex. */
  hash: string | null
  /**
   * `verified`: the chain holds from its start or a signed checkpoint through this event. `altered`: the chain
   * breaks at this event. `unknown`: it breaks before this event, so nothing can be said of it. `unchained`: stored
   * before the chain existed.
   */
  state: 'verified' | 'altered' | 'unchained' | 'unknown'
}
