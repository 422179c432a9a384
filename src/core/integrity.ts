/**
 * Why a tenant's hash chain stopped verifying at an event:
 * - `content-changed`: the stored event no longer hashes to its link (its data, or its hash, was edited).
 * - `event-missing`: a sequence number has no event (deleted), including at the tail.
 * - `order-changed`: the event's link holds, but after another event than the one now before it (moved).
 * - `checkpoint-signature`: a checkpoint's signature does not verify under the published key of its id.
 * - `checkpoint-mismatch`: a checkpoint is validly signed but the chain no longer reaches its hash there: the
 *   chain was recomputed after a change (what someone with the database, but not the key, can do).
 */
export type IntegrityProblemReason = 'content-changed' | 'event-missing' | 'order-changed' | 'checkpoint-signature' | 'checkpoint-mismatch'

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
