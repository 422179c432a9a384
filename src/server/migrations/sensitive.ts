import type { Migration } from './migration'

/**
 * `audit_text(jsonb)`: an event's strings and numbers, folded as `audit_fold` folds, one per line — the free
 * text of what is left of an event once its hidden fields are taken out (`data #- path`), so a text search
 * never matches inside a value the caller cannot see. Run only on the rows the trigram index already found.
 */
export const sensitive: Migration = {
  version: 3,
  name: 'sensitive values',
  statements: [
    `create or replace function audit_text(value jsonb) returns text language sql immutable strict parallel safe as $fn$
      select coalesce(audit_fold(string_agg(item #>> '{}', E'\\n')), '')
      from jsonb_path_query(value, 'strict $.**') as item
      where jsonb_typeof(item) in ('string', 'number')
    $fn$`,
  ],
}
