import type { Migration } from './migration'

/**
 * Saved views: named searches per tenant. `owner` is the actor who keeps a personal view (from the handler's
 * `actor` option); a shared view has none. At most one view per tenant is its default (a partial unique index,
 * so two admins setting defaults at once cannot both win). The key starts with the tenant, as every statement
 * does, so the table distributes by tenant like the events.
 */
export const savedViews: Migration = {
  version: 5,
  name: 'saved views',
  statements: [
    `create table if not exists audit_saved_views (
      tenant_id text not null,
      id text not null,
      owner text,
      name text not null,
      search jsonb not null,
      columns jsonb,
      is_default boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      check (owner is null or not is_default)
    )`,
    'create unique index if not exists audit_saved_views_default on audit_saved_views (tenant_id) where is_default',
  ],
}
