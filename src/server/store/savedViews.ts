import { randomUUID } from 'node:crypto'

import type { Pool } from 'pg'

import type { SavedView, ViewScope } from '../../core/savedViews'
import type { AuditSearch } from '../../core/types'
import { inTransaction } from './transaction'

/** A saved view as stored: who keeps it (`null`: shared with the tenant) beside what the viewer gets. */
export interface StoredView extends SavedView {
  owner: string | null
}

/** A checked view to store; `owner` is `null` for a shared one. */
export interface ViewToStore {
  name: string
  search: AuditSearch
  columns?: string[] | undefined
  owner: string | null
  isDefault: boolean
}

interface ViewRow {
  id: string
  owner: string | null
  name: string
  search: AuditSearch
  columns: string[] | null
  is_default: boolean
}

const COLUMNS = 'id, owner, name, search, columns, is_default'

const stored = (row: ViewRow): StoredView => ({
  id: row.id,
  name: row.name,
  search: row.search,
  ...(row.columns ? { columns: row.columns } : {}),
  scope: (row.owner === null ? 'shared' : 'personal') satisfies ViewScope,
  isDefault: row.is_default,
  owner: row.owner,
})

/** Saved views on PostgreSQL: every statement names the tenant first. */
export function savedViewStore(pool: Pool) {
  const clearDefault = (client: Pick<Pool, 'query'>, tenantId: string, id: string) =>
    client.query('update audit_saved_views set is_default = false, updated_at = now() where tenant_id = $1 and is_default and id <> $2', [
      tenantId,
      id,
    ])

  return {
    /** The tenant's shared views and `owner`'s personal ones (none without an owner), oldest first. */
    async list(tenantId: string, owner: string | null): Promise<StoredView[]> {
      const { rows } = await pool.query<ViewRow>(
        `select ${COLUMNS} from audit_saved_views where tenant_id = $1 and (owner is null or owner = $2) order by created_at, id`,
        [tenantId, owner],
      )
      return rows.map(stored)
    },
    async get(tenantId: string, id: string): Promise<StoredView | null> {
      const { rows } = await pool.query<ViewRow>(`select ${COLUMNS} from audit_saved_views where tenant_id = $1 and id = $2`, [tenantId, id])
      return rows[0] ? stored(rows[0]) : null
    },
    /** How many views `owner` keeps (`null`: the tenant's shared ones), for the per-person limit. */
    async count(tenantId: string, owner: string | null): Promise<number> {
      const { rows } = await pool.query<{ count: string }>(
        'select count(*) as count from audit_saved_views where tenant_id = $1 and owner is not distinct from $2',
        [tenantId, owner],
      )
      return Number(rows[0]?.count ?? 0)
    },
    /** Stores a view under `id` (a new one when `id` is `null`); a default ends the tenant's other default. */
    save(tenantId: string, id: string | null, view: ViewToStore): Promise<StoredView> {
      const key = id ?? randomUUID()
      const values = [
        tenantId,
        key,
        view.owner,
        view.name,
        JSON.stringify(view.search),
        view.columns ? JSON.stringify(view.columns) : null,
        view.isDefault,
      ]
      return inTransaction(pool, async (client) => {
        if (view.isDefault) await clearDefault(client, tenantId, key)
        const { rows } = await client.query<ViewRow>(
          `insert into audit_saved_views (tenant_id, id, owner, name, search, columns, is_default) values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)
           on conflict (tenant_id, id) do update set owner = excluded.owner, name = excluded.name, search = excluded.search,
             columns = excluded.columns, is_default = excluded.is_default, updated_at = now()
           returning ${COLUMNS}`,
          values,
        )
        return stored(rows[0] as ViewRow)
      })
    },
    async remove(tenantId: string, id: string): Promise<boolean> {
      const result = await pool.query('delete from audit_saved_views where tenant_id = $1 and id = $2', [tenantId, id])
      return result.rowCount === 1
    },
  }
}

export type SavedViewStore = ReturnType<typeof savedViewStore>
