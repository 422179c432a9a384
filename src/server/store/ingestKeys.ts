import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

import type { Pool } from 'pg'

/** A producer's credential as listed: never its secret, which is shown once, when made. */
export interface IngestKeyInfo {
  id: string
  tenantId: string
  label: string
  createdAt: string
  revokedAt: string | null
}

/** A new key: `key` is the whole secret credential, shown this once and stored only as a SHA-256. */
export interface NewIngestKey extends IngestKeyInfo {
  key: string
}

const PREFIX = 'ral_ik_'
// `ral_ik_<id: 16 hex>_<secret: 32 random bytes, base64url>`: the id finds the row, the secret proves it.
const FORM = /^ral_ik_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/
const MAX_LABEL = 200

const digest = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest()

interface KeyRow {
  id: string
  tenant_id: string
  label: string
  created_at: Date
  revoked_at: Date | null
}

const info = (row: KeyRow): IngestKeyInfo => ({
  id: row.id,
  tenantId: row.tenant_id,
  label: row.label,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
})

/** Whether a bearer token is shaped like an ingest key (so it is checked as one, never passed to the host's session). */
export const looksLikeIngestKey = (token: string): boolean => token.startsWith(PREFIX)

/** Per-tenant credentials for producers that are not a browser session: made, listed, revoked, checked. */
export function ingestKeys(pool: Pool) {
  return {
    async create(tenantId: string, label = ''): Promise<NewIngestKey> {
      if (typeof tenantId !== 'string' || tenantId === '') throw new TypeError('createIngestKey: give the tenant.')
      if (typeof label !== 'string' || label.length > MAX_LABEL)
        throw new TypeError(`createIngestKey: the label is text of at most ${MAX_LABEL} characters.`)
      const id = randomBytes(8).toString('hex')
      const secret = randomBytes(32).toString('base64url')
      const { rows } = await pool.query<KeyRow>(
        `insert into audit_ingest_keys (tenant_id, id, label, secret_sha256) values ($1, $2, $3, $4)
         returning id, tenant_id, label, created_at, revoked_at`,
        [tenantId, id, label, digest(secret)],
      )
      return { ...info(rows[0] as KeyRow), key: `${PREFIX}${id}_${secret}` }
    },
    async list(tenantId: string): Promise<IngestKeyInfo[]> {
      const { rows } = await pool.query<KeyRow>(
        'select id, tenant_id, label, created_at, revoked_at from audit_ingest_keys where tenant_id = $1 order by created_at, id',
        [tenantId],
      )
      return rows.map(info)
    },
    /** Revokes a tenant's key; `false` when the tenant has no such key or it was revoked already. */
    async revoke(tenantId: string, id: string): Promise<boolean> {
      const result = await pool.query('update audit_ingest_keys set revoked_at = now() where tenant_id = $1 and id = $2 and revoked_at is null', [
        tenantId,
        id,
      ])
      return result.rowCount === 1
    },
    /** The tenant a key writes for, or `null` for a key that is malformed, unknown or revoked. */
    async authenticate(key: string): Promise<string | null> {
      const match = FORM.exec(key)
      if (!match) return null
      const [, id = '', secret = ''] = match
      const { rows } = await pool.query<{ tenant_id: string; secret_sha256: Buffer }>(
        'select tenant_id, secret_sha256 from audit_ingest_keys where id = $1 and revoked_at is null',
        [id],
      )
      const row = rows[0]
      return row && timingSafeEqual(row.secret_sha256, digest(secret)) ? row.tenant_id : null
    },
  }
}
