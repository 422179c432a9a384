import type { Pool } from 'pg'

import { type Checkpoint, signCheckpoint, type Signer } from './checkpoint'
import type { ManifestCheckpoint } from './exportManifest'

interface CheckpointRow {
  seq: string
  hash: Buffer
  signed_at: Date
  key_id: string
  signature: Buffer
}

/**
 * The signed checkpoint at or after `seq` (an export's last event): signs the tenant's head now when no checkpoint
 * covers it yet, under the head's lock, as ingest does. `null` without a signing key or a chain.
 */
export async function checkpointCovering(pool: Pool, tenantId: string, seq: number, signer: Signer | null): Promise<ManifestCheckpoint | null> {
  const find = async (): Promise<CheckpointRow | undefined> =>
    (
      await pool.query<CheckpointRow>(
        'select seq, hash, signed_at, key_id, signature from audit_checkpoints where tenant_id = $1 and seq >= $2 order by seq limit 1',
        [tenantId, seq],
      )
    ).rows[0]
  let row = await find()
  if (!row && signer) {
    const client = await pool.connect()
    try {
      await client.query('begin')
      const { rows } = await client.query<{ seq: string; hash: Buffer; checkpoint_seq: string }>(
        'select seq, hash, checkpoint_seq from audit_chain_heads where tenant_id = $1 for update',
        [tenantId],
      )
      const head = rows[0]
      if (head && Number(head.seq) >= seq && Number(head.checkpoint_seq) < Number(head.seq)) {
        const now = new Date()
        const checkpoint: Checkpoint = { tenantId, seq: Number(head.seq), hash: head.hash, signedAt: now, keyId: signer.keyId }
        await client.query(
          `with signed as (
             insert into audit_checkpoints (tenant_id, seq, hash, signed_at, key_id, signature) values ($1, $2, $3, $4, $5, $6)
           )
           update audit_chain_heads set checkpoint_seq = $2, checkpoint_at = $4 where tenant_id = $1`,
          [tenantId, checkpoint.seq, head.hash, now.toISOString(), signer.keyId, signCheckpoint(checkpoint, signer.privateKey)],
        )
      }
      await client.query('commit')
    } catch (error) {
      await client.query('rollback').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
    row = await find()
  }
  if (!row) return null
  return {
    seq: Number(row.seq),
    hash: row.hash.toString('hex'),
    signedAt: row.signed_at.toISOString(),
    keyId: row.key_id,
    signature: row.signature.toString('base64'),
  }
}
