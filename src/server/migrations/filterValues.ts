import { inThisSchema, type Migration } from './migration'

/**
 * `audit_values(jsonb)`: the values a field filter compares, folded as `audit_fold` folds: a text, number or
 * boolean as one, an array's such items each, nothing for an object or null. A filter on a field the store
 * indexes adds `audit_values(data #> path) && accepted`, served by a GIN expression index on
 * `(tenant_id, audit_values(data #> '{path}'))` that `indexFilters` makes per field (a few MB each, where one
 * `jsonb_path_ops` GIN over whole events is hundreds and cannot ignore case). `audit_fold` is named with its
 * schema: an index is built and maintained with a search path of its own.
 */
export const filterValues: Migration = {
  version: 6,
  name: 'filter values',
  statements: [
    inThisSchema(`create or replace function audit_values(value jsonb) returns text[] language sql immutable parallel safe as $fn$
      select case jsonb_typeof(value)
        when 'array' then array(
          select distinct %1$I.audit_fold(item #>> '{}') from jsonb_array_elements(value) as item
          where jsonb_typeof(item) in ('string', 'number', 'boolean'))
        when 'object' then '{}'::text[]
        when 'null' then '{}'::text[]
        else array[%1$I.audit_fold(value #>> '{}')]
      end
      $fn$`),
    `create table if not exists audit_filter_indexes (
      key text primary key,
      index_name text not null unique,
      created_at timestamptz not null default now()
    )`,
  ],
}
