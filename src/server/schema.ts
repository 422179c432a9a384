import type { Queryable } from './store/queryable'

/**
 * The schema, created by `migrate()`: every statement is idempotent, so it runs on each start.
 *
 * - `audit_events`: one row per event. The event itself is `data` (jsonb, as it arrived); the columns beside it
 *   are what every query needs: the tenant, the id (unique per tenant: the idempotency key), the time, and
 *   `search_text` (every string and number of the event, lower-cased) for free-text search.
 * - The keyset index `(tenant_id, created_at desc, id desc)` serves the default list, its pages and the export.
 * - A trigram GIN index on `(tenant_id, search_text)` (with `btree_gin` for the tenant) serves `search`.
 * - `audit_field_configs`: the stored data structure per tenant.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
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
]

/** Creates the tables, indexes and extensions the server needs, if they are not there yet. Safe to run on every start. */
export async function migrate(db: Queryable): Promise<void> {
  // One multi-statement query runs in one implicit transaction on one connection; the transaction lock keeps
  // two servers that start together from racing on `create … if not exists`.
  await db.query(["select pg_advisory_xact_lock(hashtext('react-audit-logs:migrate'))", ...SCHEMA_STATEMENTS].join(';\n'))
}
