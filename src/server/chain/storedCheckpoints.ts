import type { Pool } from 'pg'

/** A checkpoint as stored. */
export interface StoredCheckpoint {
  seq: number
  hash: Buffer
  signedAt: Date
  keyId: string
  signature: Buffer
}

/** A checkpoint's row as `pg` reads it (`seq` is int8, read as text). */
export interface CheckpointRow {
  seq: string
  hash: Buffer
  signed_at: Date
  key_id: string
  signature: Buffer
}

export const CHECKPOINT_COLUMNS = 'seq, hash, signed_at, key_id, signature'

export const checkpointOfRow = (row: CheckpointRow): StoredCheckpoint => ({
  seq: Number(row.seq),
  hash: row.hash,
  signedAt: row.signed_at,
  keyId: row.key_id,
  signature: row.signature,
})

const BATCH = 500

/** A tenant's checkpoints from a sequence number on, in order, read a batch at a time as the walk reaches them. */
export function storedCheckpoints(pool: Pool, tenantId: string, fromSeq: number): { next(): Promise<StoredCheckpoint | null> } {
  let buffer: StoredCheckpoint[] = []
  let after = fromSeq - 1
  let done = false
  return {
    async next() {
      if (buffer.length === 0 && !done) {
        const { rows } = await pool.query<CheckpointRow>(
          `select ${CHECKPOINT_COLUMNS} from audit_checkpoints where tenant_id = $1 and seq > $2 order by seq limit $3`,
          [tenantId, after, BATCH],
        )
        buffer = rows.map(checkpointOfRow)
        done = rows.length < BATCH
        after = buffer[buffer.length - 1]?.seq ?? after
      }
      return buffer.shift() ?? null
    },
  }
}
