import { inThisSchema, type Migration } from './migration'

/**
 * `audit_values(jsonb)` in PL/pgSQL, the same values as before (see `filterValues`), at a fraction of the cost
 * to every insert. Each filter index computes it for each new row, and the SQL function could not be inlined
 * (its array case is a subquery), so every call ran as a query of its own. PL/pgSQL evaluates the common case
 * (one text, number or boolean) as a simple expression; only an array pays for a query. An index made with
 * the SQL function stays valid: the function is immutable and gives the same values.
 */
export const filterValuesProcedural: Migration = {
  version: 9,
  name: 'filter values in PL/pgSQL',
  statements: [
    inThisSchema(`create or replace function audit_values(value jsonb) returns text[] language plpgsql immutable parallel safe as $fn$
      begin
        case jsonb_typeof(value)
          when 'array' then
            return array(
              select distinct %1$I.audit_fold(item #>> '{}') from jsonb_array_elements(value) as item
              where jsonb_typeof(item) in ('string', 'number', 'boolean'));
          when 'object', 'null' then
            return '{}'::text[];
          else
            -- A text, number or boolean; and, as the SQL function answers it, a missing value (SQL null).
            return array[%1$I.audit_fold(value #>> '{}')];
        end case;
      end
      $fn$`),
  ],
}
