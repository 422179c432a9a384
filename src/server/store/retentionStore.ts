import type { Pool } from 'pg'

import { applyRetention } from './applyRetention'
import { checkPolicy, type RecordRun, type RetentionPolicy, type RetentionRun } from './retention'

export interface RetentionStore {
  /** A tenant's retention: `{ days: null, legalHold: false }` (keep for ever) until set. */
  get(tenantId: string): Promise<RetentionPolicy>
  /** Changes a tenant's retention period and/or legal hold (what is not given stays); recorded as an audit event. */
  set(tenantId: string, change: Partial<RetentionPolicy>): Promise<RetentionPolicy>
  /** One run over every tenant with a period; see `applyRetention`. */
  apply(): Promise<RetentionRun[]>
}

const policyOf = (row: { days: number | null; legal_hold: boolean } | undefined): RetentionPolicy => ({
  days: row?.days ?? null,
  legalHold: row?.legal_hold ?? false,
})

export function retentionStore(pool: Pool, record: RecordRun): RetentionStore {
  const get = async (tenantId: string): Promise<RetentionPolicy> => {
    const { rows } = await pool.query<{ days: number | null; legal_hold: boolean }>(
      'select days, legal_hold from audit_retention where tenant_id = $1',
      [tenantId],
    )
    return policyOf(rows[0])
  }
  return {
    get,
    async set(tenantId, change) {
      const checked = checkPolicy(change)
      const before = await get(tenantId)
      const { rows } = await pool.query<{ days: number | null; legal_hold: boolean }>(
        `insert into audit_retention (tenant_id, days, legal_hold) values ($1, $2, $3)
         on conflict (tenant_id) do update set
           days = case when $4 then excluded.days else audit_retention.days end,
           legal_hold = case when $5 then excluded.legal_hold else audit_retention.legal_hold end,
           updated_at = now()
         returning days, legal_hold`,
        [tenantId, checked.days ?? null, checked.legalHold ?? false, 'days' in checked, 'legalHold' in checked],
      )
      const after = policyOf(rows[0])
      await record(tenantId, {
        action: after.legalHold !== before.legalHold ? (after.legalHold ? 'Legal hold placed' : 'Legal hold lifted') : 'Audit log retention changed',
        severity: 'High',
        payload: { from: before, to: after },
      })
      return after
    },
    apply: () => applyRetention(pool, record),
  }
}
