import type { Migration } from './migration'

/**
 * A trigger function that refuses every change to `table` but retention's own delete: the tenant named by the
 * transaction's setting, past its retention, not held (and what `also` adds, over the tables `join` adds).
 */
function refuseChange(table: string, rule = { join: '', also: '' }): string {
  return `create or replace function ${table}_refuse_change() returns trigger language plpgsql security definer as $fn$
    begin
      if tg_op = 'DELETE' and old.tenant_id = current_setting('audit.retention_tenant', true) and exists (
        select 1 from audit_retention r ${rule.join}
        where r.tenant_id = old.tenant_id and not r.legal_hold and r.days is not null
          and old.created_at < now() - r.days * interval '1 day' ${rule.also}
      ) then
        return old;
      end if;
      raise exception '${table} is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
    end
    $fn$`
}

/**
 * Events partitioned by month of `created_at`, rewritten in place with every stored event.
 *
 * - `audit_events` becomes `partition by range (created_at)`: one partition per UTC month
 *   (`audit_events_y2026m12`), made by `audit_events_partition(instant)`, which the store calls ahead of time and
 *   when ingest meets a month without one, and `audit_events_default` for times no month was made for. Indexes
 *   are declared on the parent, so every partition has the same ones, those made later too.
 * - A unique key of a partitioned table must hold the partition key, so `(tenant_id, id)` can no longer be one.
 *   `audit_event_ids (tenant_id, id)` is: a plain table whose primary key keeps ids unique per tenant, filled by
 *   a statement trigger of every insert into the events (any path: insert, COPY), in the same transaction. It
 *   also keeps each event's `created_at`, so a lookup by id reads one partition.
 * - `(tenant_id, seq)` stays indexed, no longer unique: numbers are handed out under the tenant's head lock, and
 *   verification names a repeated number as a break.
 * - Append-only: row triggers on the parent are cloned onto every partition; a truncate trigger is put on each
 *   partition as it is made (statement triggers are not cloned). Retention may delete (see `retention`).
 * - The functions the triggers and the store call run as their owner (`security definer`, with a pinned search
 *   path): partitions made on ingest belong to the owner, ids are written and retention rules read whatever the
 *   application's own grants, and an application role cannot lift a trigger of a partition it does not own.
 * - The filter indexes the store had made are made again on the new table from their stored definitions.
 */
export const partitions: Migration = {
  version: 7,
  name: 'monthly partitions',
  statements: [
    `create or replace function audit_events_partition(instant timestamptz) returns text language plpgsql security definer as $fn$
    declare
      month_start timestamptz := date_trunc('month', instant, 'UTC');
      name text := 'audit_events_' || to_char(month_start at time zone 'UTC', '"y"YYYY"m"MM');
    begin
      -- Any role may call it: it makes at most the months of a bounded window, whatever it is asked.
      if instant < now() - interval '10 years' or instant >= now() + interval '1 year' then
        return null;
      end if;
      -- Two servers meeting the same new month make it once.
      perform pg_advisory_xact_lock(hashtext('react-audit-logs:partition'));
      if to_regclass(name) is null then
        begin
          execute format('create table %I partition of audit_events for values from (%L) to (%L)',
            name, month_start, month_start + interval '1 month');
        exception when check_violation then
          -- The default partition already holds events of this month: they stay there, served unpruned.
          return null;
        end;
        execute format('create trigger audit_events_no_truncate before truncate on %I
          for each statement execute function audit_events_refuse_change()', name);
      end if;
      return name;
    end
    $fn$`,
    `create table if not exists audit_retention (
      tenant_id text primary key,
      days int check (days > 0),
      legal_hold boolean not null default false,
      updated_at timestamptz not null default now()
    )`,
    // Where a tenant's chain was cut by retention: verification starts after this link instead of at genesis.
    `alter table audit_chain_heads add column if not exists cut_seq int8 not null default 0,
      add column if not exists cut_hash bytea`,
    refuseChange('audit_events', {
      join: 'left join audit_chain_heads h on h.tenant_id = r.tenant_id',
      // Only what retention may remove: at or before the tenant's recorded cut of its chain.
      also: 'and (old.seq is null or old.seq <= h.cut_seq)',
    }),
    // The ids that keep ingest idempotent are as append-only as the events: deleting one would let its id be
    // stored again, changing its time would hide its event from a lookup by id. Retention alone removes the ids
    // of the events it removes (the same rule as for events, without the chain, which this table does not hold).
    refuseChange('audit_event_ids'),
    `create or replace function audit_events_record_ids() returns trigger language plpgsql security definer as $fn$
    begin
      insert into audit_event_ids (tenant_id, id, created_at) select tenant_id, id, created_at from inserted;
      return null;
    end
    $fn$`,
    // Run as their owner, these find only the owner's objects: the schema they were made in, then the catalog.
    `do $do$
    begin
      execute format('alter function audit_events_partition(timestamptz) set search_path = %I, pg_catalog, pg_temp', current_schema());
      execute format('alter function audit_events_refuse_change() set search_path = %I, pg_catalog, pg_temp', current_schema());
      execute format('alter function audit_events_record_ids() set search_path = %I, pg_catalog, pg_temp', current_schema());
      execute format('alter function audit_event_ids_refuse_change() set search_path = %I, pg_catalog, pg_temp', current_schema());
    end
    $do$`,
    `do $do$
    declare
      filter_definitions text[] := array(
        select pg_get_indexdef(to_regclass(index_name)) from audit_filter_indexes where to_regclass(index_name) is not null
      );
      definition text;
      month timestamptz;
    begin
      alter table audit_events rename to audit_events_unpartitioned;
      drop index if exists audit_events_tenant_time, audit_events_search, audit_events_chain;
      foreach definition in array filter_definitions loop
        execute format('drop index if exists %s', substring(definition from '^CREATE INDEX (\\S+) '));
      end loop;

      create table audit_events (like audit_events_unpartitioned including defaults) partition by range (created_at);
      create table audit_events_default partition of audit_events default;
      create index audit_events_tenant_time on audit_events (tenant_id, created_at desc, id desc);
      create index audit_events_search on audit_events using gin (tenant_id, search_text gin_trgm_ops);
      create index audit_events_chain on audit_events (tenant_id, seq);
      foreach definition in array filter_definitions loop
        execute definition;
      end loop;

      create table audit_event_ids (
        tenant_id text not null,
        id text not null,
        created_at timestamptz not null,
        primary key (tenant_id, id)
      );
      create trigger audit_event_ids_append_only before update or delete on audit_event_ids
        for each row execute function audit_event_ids_refuse_change();
      create trigger audit_event_ids_no_truncate before truncate on audit_event_ids
        for each statement execute function audit_event_ids_refuse_change();
      create trigger audit_events_ids after insert on audit_events
        referencing new table as inserted for each statement execute function audit_events_record_ids();

      -- A month for each month the events have (within the window the store makes months for), and the next ones.
      for month in
        select distinct date_trunc('month', created_at, 'UTC') from audit_events_unpartitioned
        where created_at >= now() - interval '10 years' and created_at < now() + interval '1 year'
        union select generate_series(date_trunc('month', now(), 'UTC') - interval '1 month', date_trunc('month', now(), 'UTC') + interval '2 months', interval '1 month')
      loop
        perform audit_events_partition(month);
      end loop;
      insert into audit_events (tenant_id, id, created_at, received_at, data, search_text, seq, hash)
        select tenant_id, id, created_at, received_at, data, search_text, seq, hash from audit_events_unpartitioned;
      drop table audit_events_unpartitioned;

      create trigger audit_events_append_only before update or delete on audit_events
        for each row execute function audit_events_refuse_change();
      create trigger audit_events_no_truncate before truncate on audit_events
        for each statement execute function audit_events_refuse_change();
      create trigger audit_events_no_truncate before truncate on audit_events_default
        for each statement execute function audit_events_refuse_change();
    end
    $do$`,
  ],
}
