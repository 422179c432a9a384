import type { Pool } from 'pg'

import { canonicalBytes } from './canonical'
import { GENESIS, linkOfBytes } from './hashChain'

const BATCH = 10_000

/**
 * The sequence number of the event an event was chained after, searched among all of the tenant's links (0 for
 * the start of the chain), or `null` when no stored link explains its hash. Tells a moved event (its link holds
 * after another one) from a changed one (nothing explains it). Runs only once a check has found a break, so it
 * may read every hash of the tenant.
 */
export async function findPredecessor(pool: Pool, tenantId: string, data: unknown, hash: Buffer): Promise<number | null> {
  const bytes = canonicalBytes(data)
  if (linkOfBytes(GENESIS, bytes).equals(hash)) return 0
  for (let after = 0; ;) {
    const { rows } = await pool.query<{ seq: string; hash: Buffer | null }>(
      'select seq, hash from audit_events where tenant_id = $1 and seq > $2 order by seq limit $3',
      [tenantId, after, BATCH],
    )
    for (const row of rows) {
      if (row.hash && linkOfBytes(row.hash, bytes).equals(hash)) return Number(row.seq)
    }
    const last = rows[rows.length - 1]
    if (!last || rows.length < BATCH) return null
    after = Number(last.seq)
  }
}
