import type { Migration } from './migration'
import { appendOnlyTriggers } from './appendOnly'

/**
 * Tamper evidence: a hash chain per tenant and signed checkpoints.
 *
 * - `audit_events.seq` / `hash`: the event's place in its tenant's chain (1, 2, 3… with no gap, in commit order)
 *   and `SHA-256(previous hash ‖ RFC 8785 bytes of data)`. Null for events stored before this step: they stay
 *   unchained and verification counts them apart.
 * - `audit_chain_heads`: the last link per tenant. Ingest locks its row (`for update`) for the length of the
 *   insert's transaction, so one tenant's producers queue on it and other tenants never wait.
 * - `audit_checkpoints`: signed heads, `(tenant, seq, hash, signed_at, key_id, signature)`, append-only like the
 *   events (their own trigger; lifting it takes the owner, which is what the signatures are there to catch).
 */
export const chain: Migration = {
  version: 4,
  name: 'hash chain',
  statements: [
    'alter table audit_events add column if not exists seq int8, add column if not exists hash bytea',
    // Nulls are distinct in a unique index, so the unchained events of before never collide.
    'create unique index if not exists audit_events_chain on audit_events (tenant_id, seq)',
    `create table if not exists audit_chain_heads (
      tenant_id text primary key,
      seq int8 not null,
      hash bytea not null,
      checkpoint_seq int8 not null default 0,
      checkpoint_at timestamptz
    )`,
    `create table if not exists audit_checkpoints (
      tenant_id text not null,
      seq int8 not null,
      hash bytea not null,
      signed_at timestamptz not null,
      key_id text not null,
      signature bytea not null,
      primary key (tenant_id, seq)
    )`,
    `create or replace function audit_refuse_change() returns trigger language plpgsql as $fn$
    begin
      raise exception '% is append-only: % is refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end
    $fn$`,
    ...appendOnlyTriggers('audit_checkpoints', 'audit_refuse_change'),
  ],
}
