import type { Pool } from 'pg'

import { type Checkpoint, signCheckpoint, type Signer } from './checkpoint'
import type { ManifestCheckpoint } from './exportManifest'
import { inTransaction } from '../store/transaction'
import { CHECKPOINT_COLUMNS, checkpointOfRow, type CheckpointRow } from './storedCheckpoints'

/**
 * The signed checkpoint at or after `seq` (an export's last event): signs the tenant's head now when no checkpoint
 * covers it yet, under the head's lock, as ingest does. `null` without a signing key or a chain.
 */
export async function checkpointCovering(pool: Pool, tenantId: string, seq: number, signer: Signer | null): Promise<ManifestCheckpoint | null> {
  const find = async (): Promise<CheckpointRow | undefined> =>
    (
      await pool.query<CheckpointRow>(`select ${CHECKPOINT_COLUMNS} from audit_checkpoints where tenant_id = $1 and seq >= $2 order by seq limit 1`, [
        tenantId,
        seq,
      ])
    ).rows[0]
  let row = await find()
  if (!row && signer) {
    await inTransaction(pool, async (client) => {
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
    })
    row = await find()
  }
  if (!row) return null
  const stored = checkpointOfRow(row)
  return {
    seq: stored.seq,
    hash: stored.hash.toString('hex'),
    signedAt: stored.signedAt.toISOString(),
    keyId: stored.keyId,
    signature: stored.signature.toString('base64'),
  }
}
