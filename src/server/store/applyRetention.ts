import type { Pool, PoolClient } from 'pg'

import { cutChain, deleteDue, type Due, inTransactionUnlessNull, type RecordRun, type RetentionRun } from './retention'

interface Month {
  name: string
  from: Date
  to: Date
}

/** The monthly partitions, oldest first (the default partition is never dropped: its rows are deleted). */
async function months(pool: Pool): Promise<Month[]> {
  const { rows } = await pool.query<{ name: string }>(
    `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = to_regclass(current_schema() || '.audit_events') order by c.relname`,
  )
  return rows.flatMap(({ name }) => {
    const match = /^audit_events_y(\d{4})m(\d{2})$/.exec(name)
    if (!match) return []
    const [year, month] = [Number(match[1]), Number(match[2]) - 1]
    return [{ name, from: new Date(Date.UTC(year, month, 1)), to: new Date(Date.UTC(year, month + 1, 1)) }]
  })
}

/**
 * The tenants with events in a month, each found by one step down the month's keyset index (a loose index
 * scan), so a month that stays costs a daily run a few index probes, not a read of the month.
 */
async function tenantsOf(client: Pool | PoolClient, month: Month): Promise<string[]> {
  const { rows } = await client.query<{ tenant_id: string }>(
    `with recursive tenants as (
       (select tenant_id from ${month.name} order by tenant_id limit 1)
       union all
       select (select m.tenant_id from ${month.name} m where m.tenant_id > tenants.tenant_id order by m.tenant_id limit 1)
       from tenants where tenants.tenant_id is not null
     )
     select tenant_id from tenants where tenant_id is not null`,
  )
  return rows.map((row) => row.tenant_id)
}

/**
 * Whether a month's every row is due for its tenant: each tenant in it has retention, no hold, its cutoff at or
 * after the month's end and its chain cut at or after its last event there. An empty month stays.
 */
async function allDue(client: Pool | PoolClient, month: Month, due: ReadonlyMap<string, Due>): Promise<string[] | null> {
  const tenants = await tenantsOf(client, month)
  if (tenants.length === 0 || tenants.some((tenant) => (due.get(tenant)?.cutoff ?? new Date(0)) < month.to)) return null
  const { rows: held } = await client.query('select 1 from audit_retention where tenant_id = any($1) and legal_hold', [tenants])
  if (held.length > 0) return null
  for (const tenant of tenants) {
    const { rows } = await client.query<{ last: string | null }>(`select max(seq) as last from ${month.name} where tenant_id = $1`, [tenant])
    const last = rows[0]?.last
    if (last != null && Number(last) > (due.get(tenant)?.cutSeq ?? 0)) return null
  }
  return tenants
}

/**
 * Drops a month whose every row is due, with its ids. Checked once without a lock (a month that stays costs
 * readers nothing), then again under the table's lock, taken parent first as every query takes it, so nothing
 * is written into the month between the check and the drop. Returns the events removed per tenant, or null.
 */
async function dropMonth(pool: Pool, month: Month, due: ReadonlyMap<string, Due>): Promise<Map<string, number> | null> {
  // Only a partition's owner may drop it: a store that runs as another role deletes the month by range instead.
  const { rows: owned } = await pool.query(
    `select 1 from pg_class where oid = to_regclass(current_schema() || '.' || $1) and pg_has_role(current_user, relowner, 'MEMBER')`,
    [month.name],
  )
  if (owned.length === 0) return null
  if (!(await allDue(pool, month, due))) return null
  return inTransactionUnlessNull(pool, async (client) => {
    await client.query('lock table only audit_events in access exclusive mode')
    await client.query(`lock table ${month.name} in access exclusive mode`)
    const tenants = await allDue(client, month, due)
    if (!tenants) return null
    const removed = new Map<string, number>()
    for (const tenant of tenants) {
      // Each event has one id row with its time: what goes from the ids is what the month held of the tenant.
      // The ids table lets only retention delete, for the tenant it names.
      await client.query("select set_config('audit.retention_tenant', $1, true)", [tenant])
      const { rowCount } = await client.query('delete from audit_event_ids where tenant_id = $1 and created_at >= $2 and created_at < $3', [
        tenant,
        month.from,
        month.to,
      ])
      removed.set(tenant, rowCount ?? 0)
    }
    await client.query(`drop table ${month.name}`)
    return removed
  })
}

/**
 * One retention run over every tenant with a retention period: each tenant's chain is cut where its due events
 * end, months holding only due events are dropped whole, the rest is deleted by range per tenant, and the run is
 * recorded as an audit event of each tenant (a held tenant's too: that nothing was removed, and why).
 */
export async function applyRetention(pool: Pool, record: RecordRun): Promise<RetentionRun[]> {
  const { rows: policies } = await pool.query<{ tenant_id: string; days: number }>(
    'select tenant_id, days from audit_retention where days is not null order by tenant_id',
  )
  const due = new Map<string, Due>()
  const runs: RetentionRun[] = []
  for (const { tenant_id: tenantId, days } of policies) {
    const cut = await cutChain(pool, tenantId)
    if (cut) due.set(tenantId, cut)
    else runs.push({ tenantId, days, held: true, removed: 0, cutoff: new Date().toISOString(), cutSeq: 0 })
  }
  const removed = new Map<string, number>()
  const latestCutoff = Math.max(0, ...[...due.values()].map((policy) => policy.cutoff.getTime()))
  for (const month of await months(pool)) {
    if (month.to.getTime() > latestCutoff) break
    for (const [tenantId, count] of (await dropMonth(pool, month, due)) ?? []) removed.set(tenantId, (removed.get(tenantId) ?? 0) + count)
  }
  for (const [tenantId, policy] of due) {
    const deleted = await deleteDue(pool, tenantId, policy)
    runs.push({
      tenantId,
      days: policy.days,
      held: false,
      removed: (removed.get(tenantId) ?? 0) + deleted,
      cutoff: policy.cutoff.toISOString(),
      cutSeq: policy.cutSeq,
    })
  }
  for (const run of runs) {
    await record(
      run.tenantId,
      run.held
        ? { action: 'Audit log retention held', severity: 'Medium', payload: { days: run.days, legalHold: true } }
        : {
            action: 'Audit log retention applied',
            severity: 'Medium',
            payload: { days: run.days, cutoff: run.cutoff, removed: run.removed, cutSeq: run.cutSeq },
          },
    )
  }
  return runs
}
