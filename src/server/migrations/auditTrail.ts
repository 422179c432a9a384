import type { Migration } from './migration'
import { appendOnlyTriggers } from './appendOnly'

/**
 * What makes the table an audit trail:
 *
 * - `audit_fold(text)`: "ignoring case" as JavaScript's `toLowerCase()` means it (full Unicode case mapping,
 *   final sigma included), whatever the database's own locale. PostgreSQL 18's `pg_unicode_fast` does exactly
 *   that; older servers get the closest collation they have. Immutable, so indexes may use it.
 * - `audit_ingest_keys`: per-tenant credentials for producers that are not a browser session; only a
 *   SHA-256 of each secret is kept.
 * - Append-only: a trigger refuses every `update`, `delete` and `truncate` of events, for every role. Lifting
 *   it takes the table's owner (`alter table … disable trigger`), which the tamper evidence is there to catch.
 */
export const auditTrail: Migration = {
  version: 2,
  name: 'audit trail',
  statements: [
    `do $do$
    declare collation_name text := (
      select name from (values (1, 'pg_unicode_fast'), (2, 'und-x-icu'), (3, 'pg_c_utf8')) as preferred(rank, name)
      where exists (select 1 from pg_collation where collname = preferred.name) order by rank limit 1
    );
    begin
      execute format(
        'create or replace function audit_fold(value text) returns text language sql immutable strict parallel safe return lower(value collate %I)',
        coalesce(collation_name, 'default')
      );
    end
    $do$`,
    `create table if not exists audit_ingest_keys (
      tenant_id text not null,
      id text not null,
      label text not null,
      secret_sha256 bytea not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      primary key (tenant_id, id),
      unique (id)
    )`,
    `create or replace function audit_events_refuse_change() returns trigger language plpgsql as $fn$
    begin
      raise exception 'audit_events is append-only: % is refused', tg_op using errcode = 'insufficient_privilege';
    end
    $fn$`,
    ...appendOnlyTriggers('audit_events', 'audit_events_refuse_change'),
  ],
}
