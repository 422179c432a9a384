import type { Pool, PoolClient } from 'pg'

import { inTransaction } from './transaction'

/** How long a tenant's events are kept, and whether a legal hold keeps them all. */
export interface RetentionPolicy {
  /** Days an event is kept after its `createdAt`; `null` keeps events for ever (the default). */
  days: number | null
  /** While on, retention removes nothing of the tenant. */
  legalHold: boolean
}

/** What one run did for one tenant (also recorded as an audit event of that tenant). */
export interface RetentionRun {
  /** The tenant this run concerns. */
  tenantId: string
  /** Its retention period, in days. */
  days: number
  /** True when a legal hold kept everything of the tenant: nothing was removed. */
  held: boolean
  /** Events removed, by deleting rows or dropping whole partitions. */
  removed: number
  /** Events created before this instant were due. */
  cutoff: string
  /** The tenant's chain was cut after this sequence number: verification starts from its hash. */
  cutSeq: number
}

export type RecordRun = (tenantId: string, event: { action: string; severity: string; payload: unknown }) => Promise<unknown>

const MAX_DAYS = 36_500

/** A policy change checked: days a whole number from 1 (or null for ever), a boolean hold. */
export function checkPolicy(change: unknown): Partial<RetentionPolicy> {
  if (typeof change !== 'object' || change === null) throw new TypeError('setRetention: give { days?, legalHold? }.')
  const { days, legalHold } = change as { days?: unknown; legalHold?: unknown }
  if (days !== undefined && days !== null && !(Number.isInteger(days) && (days as number) >= 1 && (days as number) <= MAX_DAYS)) {
    throw new TypeError(`setRetention: "days" must be a whole number from 1 to ${MAX_DAYS}, or null to keep events for ever.`)
  }
  if (legalHold !== undefined && typeof legalHold !== 'boolean') throw new TypeError('setRetention: "legalHold" must be true or false.')
  return { ...(days !== undefined ? { days: days as number | null } : {}), ...(legalHold !== undefined ? { legalHold } : {}) }
}

/** One transaction that commits what `work` found to do and rolls back when it returns `null` (nothing due). */
export const inTransactionUnlessNull = <T>(pool: Pool, work: (client: PoolClient) => Promise<T | null>): Promise<T | null> =>
  inTransaction(pool, work, (result) => result !== null)

export interface Due {
  days: number
  cutoff: Date
  cutSeq: number
}

/**
 * Records where a tenant's chain is cut: the longest run of its chain, from the start, whose events are all
 * due. An event created long ago but chained late waits for those chained before it, so what is removed is
 * always a prefix of the chain and verification can start after it. Null when the tenant is held.
 */
export async function cutChain(pool: Pool, tenantId: string): Promise<Due | null> {
  return inTransactionUnlessNull(pool, async (client) => {
    // The head's lock keeps ingest of this tenant out until the cut is recorded.
    const { rows: heads } = await client.query<{ seq: string; cut_seq: string }>(
      'select seq, cut_seq from audit_chain_heads where tenant_id = $1 for update',
      [tenantId],
    )
    const { rows: policies } = await client.query<{ days: number | null; legal_hold: boolean; cutoff: Date | null }>(
      `select days, legal_hold, now() - days * interval '1 day' as cutoff from audit_retention where tenant_id = $1 for share`,
      [tenantId],
    )
    const policy = policies[0]
    if (!policy || policy.legal_hold || policy.days === null || policy.cutoff === null) return null
    const head = heads[0]
    const due: Due = { days: policy.days, cutoff: policy.cutoff, cutSeq: Number(head?.cut_seq ?? 0) }
    if (!head) return due
    const { rows: kept } = await client.query<{ first: string | null }>(
      'select min(seq) as first from audit_events where tenant_id = $1 and seq > $2 and created_at >= $3',
      [tenantId, due.cutSeq, due.cutoff],
    )
    const through = kept[0]?.first == null ? Number(head.seq) : Number(kept[0].first) - 1
    if (through <= due.cutSeq) return due
    const { rows: links } = await client.query<{ hash: Buffer }>('select hash from audit_events where tenant_id = $1 and seq = $2', [
      tenantId,
      through,
    ])
    const hash = links[0]?.hash
    if (!hash) throw new Error(`Retention of tenant ${tenantId}: its chain has no event at ${through}; verify its integrity first.`)
    await client.query('update audit_chain_heads set cut_seq = $2, cut_hash = $3 where tenant_id = $1', [tenantId, through, hash])
    return { ...due, cutSeq: through }
  })
}

/** Deletes a tenant's due events and their ids; the append-only trigger lets through only what is due. */
export async function deleteDue(pool: Pool, tenantId: string, due: Due): Promise<number> {
  const removed = await inTransactionUnlessNull(pool, async (client) => {
    await client.query("select set_config('audit.retention_tenant', $1, true)", [tenantId])
    const result = await client.query(
      `with gone as (
         delete from audit_events where tenant_id = $1 and created_at < $2 and (seq is null or seq <= $3) returning id
       )
       delete from audit_event_ids where tenant_id = $1 and id in (select id from gone)`,
      [tenantId, due.cutoff, due.cutSeq],
    )
    return result.rowCount ?? 0
  })
  return removed ?? 0
}
