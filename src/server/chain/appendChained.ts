import type { Pool, PoolClient } from 'pg'

import type { EventRow } from '../ingest/checkEvent'
import { inTransaction } from '../store/transaction'
import { type Checkpoint, signCheckpoint, type Signer } from './checkpoint'
import { appendCanonical, type ChainHead, GENESIS } from './hashChain'

interface HeadRow {
  seq: string
  hash: Buffer
  checkpoint_seq: string
  checkpoint_at: Date | null
}

/** The first of each id: within one batch, as across batches, the first write of an id wins. */
export function firstOfEachId(rows: readonly EventRow[]): EventRow[] {
  const seen = new Set<string>()
  return rows.filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)))
}

/**
 * The insert of new events with their links, as a statement to run beside the head's update (one round trip):
 * `$1` is the tenant, `records` its one JSON parameter — an array of rows, each event's canonical text spliced
 * in as it is — read by `jsonb_to_recordset`, so nothing is serialised twice and PostgreSQL parses one
 * document, with no escaping of each event's text into an array literal.
 */
function insertLinked(rows: readonly EventRow[], links: readonly ChainHead[], records: string): { text: string; value: string } {
  return {
    text: `insert into audit_events (tenant_id, id, created_at, received_at, data, search_text, seq, hash)
      select $1, id, created_at, received_at, data, search_text, seq, decode(hash, 'hex')
      from jsonb_to_recordset(${records}::jsonb)
        as r(id text, created_at timestamptz, received_at timestamptz, data jsonb, search_text text, seq int8, hash text)`,
    value: linkedRecords(rows, links),
  }
}

/** The rows with their links as one JSON array (`jsonb_to_recordset`'s input), each event's text spliced in as it is. */
export function linkedRecords(rows: readonly EventRow[], links: readonly ChainHead[]): string {
  const json = rows.map((row, index) => {
    const link = links[index] as ChainHead
    return (
      `{"data":${row.json},"id":${JSON.stringify(row.id)},"created_at":${JSON.stringify(row.createdAt)},` +
      `"received_at":${JSON.stringify(row.receivedAt)},"search_text":${JSON.stringify(row.searchText)},` +
      `"seq":${link.seq},"hash":"${link.hash.toString('hex')}"}`
    )
  })
  return `[${json.join(',')}]`
}

/** A tenant's head as an append leaves it: its last link and its last checkpoint. */
export interface KnownHead extends ChainHead {
  checkpointSeq: number
  checkpointAt: Date | null
}

export function checkpointDue(head: Pick<KnownHead, 'checkpointSeq' | 'checkpointAt'>, seq: number, now: Date, signer: Signer): boolean {
  if (seq - head.checkpointSeq >= signer.everyEvents) return true
  // A tenant never signed before is signed at its first append.
  return head.checkpointAt === null || now.getTime() - head.checkpointAt.getTime() >= signer.everyMs
}

async function appendInTransaction(
  client: PoolClient,
  tenantId: string,
  rows: readonly EventRow[],
  signer: Signer | null,
): Promise<{ ids: string[]; head: KnownHead }> {
  // Locks the tenant's head until commit: one tenant's producers queue here (so its chain follows commit order
  // with no gap), other tenants' heads are other rows. Creating the head on the first append takes the same lock.
  const { rows: heads } = await client.query<HeadRow>(
    `insert into audit_chain_heads as head (tenant_id, seq, hash) values ($1, 0, $2)
     on conflict (tenant_id) do update set seq = head.seq
     returning seq, hash, checkpoint_seq, checkpoint_at`,
    [tenantId, GENESIS],
  )
  const head = heads[0]
  if (!head) throw new Error('The chain head of the tenant could not be read.')
  const before: KnownHead = {
    seq: Number(head.seq),
    hash: head.hash,
    checkpointSeq: Number(head.checkpoint_seq),
    checkpointAt: head.checkpoint_at,
  }
  // Read after the lock: an id another producer committed while this one waited is seen, and takes no number.
  const { rows: stored } = await client.query<{ id: string }>('select id from audit_event_ids where tenant_id = $1 and id = any($2::text[])', [
    tenantId,
    rows.map((row) => row.id),
  ])
  const known = new Set(stored.map((row) => row.id))
  const fresh = firstOfEachId(rows).filter((row) => !known.has(row.id))
  if (fresh.length === 0) return { ids: [], head: before }

  const { links, head: next } = appendCanonical(
    { seq: Number(head.seq), hash: head.hash },
    fresh.map((row) => row.json),
  )
  const now = new Date()
  const ids = fresh.map((row) => row.id)
  if (signer && checkpointDue(before, next.seq, now, signer)) {
    const checkpoint: Checkpoint = { tenantId, seq: next.seq, hash: next.hash, signedAt: now, keyId: signer.keyId }
    const insert = insertLinked(fresh, links, '$7')
    await client.query(
      `with inserted as (${insert.text}),
       signed as (
         insert into audit_checkpoints (tenant_id, seq, hash, signed_at, key_id, signature) values ($1, $2, $3, $4, $5, $6)
       )
       update audit_chain_heads set seq = $2, hash = $3, checkpoint_seq = $2, checkpoint_at = $4 where tenant_id = $1`,
      [tenantId, next.seq, next.hash, now.toISOString(), signer.keyId, signCheckpoint(checkpoint, signer.privateKey), insert.value],
    )
    return { ids, head: { ...next, checkpointSeq: next.seq, checkpointAt: now } }
  }
  const insert = insertLinked(fresh, links, '$4')
  await client.query(`with inserted as (${insert.text}) update audit_chain_heads set seq = $2, hash = $3 where tenant_id = $1`, [
    tenantId,
    next.seq,
    next.hash,
    insert.value,
  ])
  return { ids, head: { ...before, ...next } }
}

/**
 * Appends a tenant's checked events to its hash chain in one transaction: ids stored before are skipped and
 * take no sequence number; the new ones get the next numbers and their links; a checkpoint is signed in the same
 * transaction when one is due. Returns the ids that were new and the head it left.
 */
export async function appendChained(
  pool: Pool,
  tenantId: string,
  rows: readonly EventRow[],
  signer: Signer | null,
): Promise<{ ids: string[]; head: KnownHead }> {
  return inTransaction(pool, (client) => appendInTransaction(client, tenantId, rows, signer))
}
