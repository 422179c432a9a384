import type { KeyObject } from 'node:crypto'

import type { Pool } from 'pg'

import type { IntegrityProblem, IntegrityReport, IntegrityRequest } from '../../core/integrity'
import type { IntegrityProblemReason } from '../../core/problems'
import { type Checkpoint, checkpointSignatureHolds } from './checkpoint'
import { findPredecessor } from './findPredecessor'
import { GENESIS, linkHash } from './hashChain'
import { storedCheckpoints, type StoredCheckpoint } from './storedCheckpoints'

/**
 * What to verify: events by time (`[from, to)`, as a list's range) and/or by sequence number, or one event by
 * id; all when empty.
 */
export interface IntegrityRange extends IntegrityRequest {
  fromSeq?: number
  toSeq?: number
}

interface LinkRow {
  seq: string
  id: string
  created_at: Date
  data: unknown
  hash: Buffer | null
}

const BATCH = 1000

const MESSAGES: Record<IntegrityProblemReason, string> = {
  'content-changed': 'This event was changed after it was stored: it no longer matches its link in the chain.',
  'event-missing': 'An event was removed from the log here: its sequence number has no event.',
  'order-changed': 'This event was moved: its link holds after another event than the one now before it.',
  'checkpoint-signature': 'A signed checkpoint here does not verify under the published key of its id.',
  'checkpoint-mismatch': 'The chain no longer reaches the hash signed at this checkpoint: it was recomputed after a change.',
}

const problem = (reason: IntegrityProblemReason, seq: number, eventId: string | null): IntegrityProblem => ({
  reason,
  seq,
  eventId,
  message: MESSAGES[reason],
})

async function seqRange(pool: Pool, tenantId: string, range: IntegrityRange, head: Head): Promise<{ first: number; last: number }> {
  const headSeq = head.seq
  let first = Math.max(head.cutSeq + 1, range.fromSeq ?? 1)
  let last = Math.min(headSeq, range.toSeq ?? headSeq)
  if (range.from !== undefined || range.to !== undefined) {
    const { rows } = await pool.query<{ first: string | null; last: string | null }>(
      `select min(seq) as first, max(seq) as last from audit_events
       where tenant_id = $1 and seq is not null and created_at >= coalesce($2::timestamptz, '-infinity') and created_at < coalesce($3::timestamptz, 'infinity')`,
      [tenantId, range.from ?? null, range.to ?? null],
    )
    if (rows[0]?.first == null || rows[0].last == null) return { first: 1, last: 0 }
    first = Math.max(first, Number(rows[0].first))
    last = Math.min(last, Number(rows[0].last))
  }
  return { first, last }
}

async function countUnchained(pool: Pool, tenantId: string, range: IntegrityRange): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `select count(*) as count from audit_events where tenant_id = $1 and seq is null
     and created_at >= coalesce($2::timestamptz, '-infinity') and created_at < coalesce($3::timestamptz, 'infinity')`,
    [tenantId, range.from ?? null, range.to ?? null],
  )
  return Number(rows[0]?.count ?? 0)
}

/** The last link, and where retention cut the chain (0: never; the walk then starts at genesis). */
interface Head {
  seq: number
  hash: Buffer
  cutSeq: number
  cutHash: Buffer
}

const asCheckpoint = (tenantId: string, row: StoredCheckpoint): Checkpoint => ({
  tenantId,
  seq: row.seq,
  hash: row.hash,
  signedAt: row.signedAt,
  keyId: row.keyId,
})
const summary = (row: StoredCheckpoint): NonNullable<IntegrityReport['checkpoint']> => ({
  seq: row.seq,
  signedAt: row.signedAt.toISOString(),
  keyId: row.keyId,
})

/**
 * Recomputes a tenant's chain over a range in sequence order, a batch at a time (memory stays flat for any
 * size), from the last signed checkpoint before the range (or the start), checking every checkpoint it passes:
 * its signature under the trusted key of its id, and that the recomputed chain reaches its hash. Stops at the
 * first break and names it.
 */
export async function verifyChain(
  pool: Pool,
  tenantId: string,
  range: IntegrityRange,
  keys: ReadonlyMap<string, KeyObject | string>,
): Promise<IntegrityReport> {
  const unchained = await countUnchained(pool, tenantId, range)
  const { rows: heads } = await pool.query<{ seq: string; hash: Buffer; cut_seq: string; cut_hash: Buffer | null }>(
    'select seq, hash, cut_seq, cut_hash from audit_chain_heads where tenant_id = $1',
    [tenantId],
  )
  const stored = heads[0]
  const head: Head = stored
    ? { seq: Number(stored.seq), hash: stored.hash, cutSeq: Number(stored.cut_seq), cutHash: stored.cut_hash ?? GENESIS }
    : { seq: 0, hash: GENESIS, cutSeq: 0, cutHash: GENESIS }
  const wholeTenant = Object.values(range).every((value) => value === undefined)
  const { first, last } = await seqRange(pool, tenantId, range, head)
  const report: IntegrityReport = { verifiedThrough: null, events: 0, unchained, checkpoint: null }
  if (last < first && !wholeTenant) return report

  // The walk starts after the last checkpoint before the range, whose signature vouches for its hash, or after
  // retention's cut (its hash recorded when the events before were removed), whichever is later.
  const { rows: anchors } = await pool.query<{ seq: string }>(
    'select seq from audit_checkpoints where tenant_id = $1 and seq < $2 and seq >= $3 order by seq desc limit 1',
    [tenantId, first, head.cutSeq],
  )
  const checkpoints = storedCheckpoints(pool, tenantId, anchors[0] ? Number(anchors[0].seq) : head.cutSeq + 1)
  let expected = head.cutSeq + 1
  let previous = head.cutHash
  const eventAt = async (seq: number): Promise<string | null> =>
    (await pool.query<{ id: string }>('select id from audit_events where tenant_id = $1 and seq = $2', [tenantId, seq])).rows[0]?.id ?? null

  const anchor = anchors[0] ? await checkpoints.next() : null
  if (anchor) {
    if (!checkpointSignatureHolds(asCheckpoint(tenantId, anchor), anchor.signature, keys)) {
      return { ...report, problem: problem('checkpoint-signature', anchor.seq, await eventAt(anchor.seq)) }
    }
    report.checkpoint = summary(anchor)
    expected = anchor.seq + 1
    previous = anchor.hash
  }

  let pending = await checkpoints.next()
  while (expected <= last) {
    const { rows } = await pool.query<LinkRow>(
      'select seq, id, created_at, data, hash from audit_events where tenant_id = $1 and seq >= $2 and seq <= $3 order by seq limit $4',
      [tenantId, expected, last, BATCH],
    )
    if (rows.length === 0) break
    for (const row of rows) {
      const seq = Number(row.seq)
      if (seq !== expected) return { ...report, problem: problem('event-missing', expected, row.id) }
      const computed = linkHash(previous, row.data)
      if (!row.hash || !computed.equals(row.hash)) {
        const moved = row.hash ? await findPredecessor(pool, tenantId, row.data, row.hash) : null
        return { ...report, problem: problem(moved === null ? 'content-changed' : 'order-changed', seq, row.id) }
      }
      while (pending && pending.seq < seq) pending = await checkpoints.next()
      if (pending?.seq === seq) {
        if (!checkpointSignatureHolds(asCheckpoint(tenantId, pending), pending.signature, keys)) {
          return { ...report, problem: problem('checkpoint-signature', seq, row.id) }
        }
        if (!pending.hash.equals(computed)) return { ...report, problem: problem('checkpoint-mismatch', seq, row.id) }
        report.checkpoint = summary(pending)
        pending = await checkpoints.next()
      }
      previous = computed
      expected = seq + 1
      report.events += 1
      report.verifiedThrough = { seq, createdAt: row.created_at.toISOString() }
    }
  }
  if (expected <= last) return { ...report, problem: problem('event-missing', expected, null) }
  if (wholeTenant) {
    // Events cut from the tail with the head rolled back still leave their signed checkpoints behind.
    while (pending && pending.seq <= last) pending = await checkpoints.next()
    if (pending) return { ...report, problem: problem('event-missing', expected, null) }
    if (!head.hash.equals(previous) && report.verifiedThrough) {
      return { ...report, problem: problem('content-changed', report.verifiedThrough.seq, await eventAt(report.verifiedThrough.seq)) }
    }
  }
  return report
}
