import type { Migration } from './migration'

/**
 * Appends whose links were made ahead of the head's lock, so one tenant's appends overlap in their costly part.
 *
 * `audit_append_linked` stores events whose sequence numbers and hashes the store computed against the head
 * it expects (`after_seq`, `after_hash`: the head the store's previous append of the tenant leaves), then moves
 * the head from exactly that link to the new one, in the caller's one transaction:
 *
 * - The rows (and their trigram and other index entries, the heavy part) are written before the head's row
 *   lock is taken, while the append before it may still be writing or committing.
 * - Before the head moves, it waits for the append it follows to end: that append holds an advisory lock named
 *   by the tenant and the sequence number it ends at from its start, so the head update meets that append's
 *   committed head (or its rollback) instead of the head before it.
 * - The head moves only from the expected link, under its row lock (re-read at the lock as READ COMMITTED
 *   does): if another producer (another server, an append that failed) moved it, nothing is stored and the
 *   function raises `serialization_failure`; the store then appends the classic way (lock the head first).
 *   Correctness rests on this check alone; the store's memory only predicts. An id stored already (or being
 *   stored) fails the id table's primary key the same way, and is filtered by the classic path.
 *
 * Runs as its caller (no `security definer`): the caller's own grants on the events and heads apply.
 */
export const pipelinedAppend: Migration = {
  version: 8,
  name: 'pipelined append',
  statements: [
    `create or replace function audit_append_linked(
      tenant text, records jsonb, after_seq int8, after_hash bytea, head_seq int8, head_hash bytea
    ) returns void language plpgsql as $fn$
    declare
      tenant_key int4 := hashtext(tenant);
      before_key int4 := (after_seq % 2147483647)::int4;
      current_seq int8;
      current_hash bytea;
      pauses int := 0;
      before_free boolean;
    begin
      perform pg_advisory_xact_lock(tenant_key, (head_seq % 2147483647)::int4);
      insert into audit_events (tenant_id, id, created_at, received_at, data, search_text, seq, hash)
        select tenant, r.id, r.created_at, r.received_at, r.data, r.search_text, r.seq, decode(r.hash, 'hex')
        from jsonb_to_recordset(records)
          as r(id text, created_at timestamptz, received_at timestamptz, data jsonb, search_text text, seq int8, hash text);
      loop
        -- The append before, while it runs, holds its key: wait for its end. Its key free means it ended, or has
        -- not begun here yet (it is tested, never kept, so it can still begin). Holding it shared afterwards is
        -- harmless: no other append ends at that link.
        before_free := case when pg_try_advisory_lock(tenant_key, before_key) then pg_advisory_unlock(tenant_key, before_key) else false end;
        if not before_free then
          perform pg_advisory_xact_lock_shared(tenant_key, before_key);
        end if;
        select seq, hash into current_seq, current_hash from audit_chain_heads where tenant_id = tenant;
        if current_seq = after_seq and current_hash = after_hash then
          -- The row lock re-reads the head: moved meanwhile by another producer, it is not updated.
          update audit_chain_heads set seq = head_seq, hash = head_hash
            where tenant_id = tenant and seq = after_seq and hash = after_hash;
          exit when found;
        end if;
        -- Elsewhere (another producer moved it), or still behind after the append before had its chance.
        if current_seq is null or current_seq >= after_seq or pauses >= 20 then
          raise exception 'the chain head of % is not at %', tenant, after_seq using errcode = 'serialization_failure';
        end if;
        perform pg_sleep(0.001);
        pauses := pauses + 1;
      end loop;
    end
    $fn$`,
  ],
}
