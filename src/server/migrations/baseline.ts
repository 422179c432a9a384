import type { Migration } from './migration'

/**
 * The schema before versions were kept (release 0.1): every statement is idempotent, so a database that the
 * unversioned `migrate()` made passes through it unchanged and is then recorded as version 1.
 *
 * - `audit_events`: one row per event. The event itself is `data` (jsonb, as stored); the columns beside it
 *   are what every query needs: the tenant, the id (unique per tenant: the idempotency key), the time, and
 *   `search_text` (every string and number of the event, lower-cased) for free-text search.
 * - The keyset index `(tenant_id, created_at desc, id desc)` serves the default list, its pages and the export.
 * - A trigram GIN index on `(tenant_id, search_text)` (with `btree_gin` for the tenant) serves `search`.
 * - `audit_field_configs`: the stored data structure per tenant.
 */
export const baseline: Migration = {
  version: 1,
  name: 'baseline',
  statements: [
    'create extension if not exists pg_trgm',
    'create extension if not exists btree_gin',
    `create table if not exists audit_events (
      tenant_id text not null,
      id text not null,
      created_at timestamptz not null,
      received_at timestamptz not null default now(),
      data jsonb not null,
      search_text text not null,
      primary key (tenant_id, id)
    )`,
    'create index if not exists audit_events_tenant_time on audit_events (tenant_id, created_at desc, id desc)',
    'create index if not exists audit_events_search on audit_events using gin (tenant_id, search_text gin_trgm_ops)',
    `create table if not exists audit_field_configs (
      tenant_id text primary key,
      fields jsonb not null,
      updated_at timestamptz not null default now()
    )`,
  ],
}
