import type { KeyObject } from 'node:crypto'

import type { Pool } from 'pg'

import type { IntegrityReport } from '../../core/integrity'
import { notFound } from '../errors'
import { verifyChain } from './verifyChain'

/**
 * One event's place in its tenant's chain and whether it holds: the chain is walked from the last signed
 * checkpoint before it through it. An event of another tenant is as unknown as a made-up id (404).
 */
export async function verifyEvent(
  pool: Pool,
  tenantId: string,
  eventId: string,
  keys: ReadonlyMap<string, KeyObject | string>,
): Promise<IntegrityReport> {
  const { rows } = await pool.query<{ seq: string | null; hash: Buffer | null }>(
    `select e.seq, e.hash from audit_event_ids k join audit_events e on e.tenant_id = k.tenant_id and e.created_at = k.created_at and e.id = k.id
     where k.tenant_id = $1 and k.id = $2`,
    [tenantId, eventId],
  )
  const stored = rows[0]
  if (!stored) throw notFound('No event with this id.')
  if (stored.seq === null) {
    return { verifiedThrough: null, events: 0, unchained: 1, checkpoint: null, event: { seq: null, hash: null, state: 'unchained' } }
  }
  const seq = Number(stored.seq)
  const report = await verifyChain(pool, tenantId, { fromSeq: seq, toSeq: seq }, keys)
  const state = !report.problem ? 'verified' : report.problem.seq === seq ? 'altered' : 'unknown'
  return { ...report, event: { seq, hash: stored.hash?.toString('hex') ?? null, state } }
}
