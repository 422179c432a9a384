/**
 * The triggers that make `table` append-only through `refuse` (a trigger function that raises): no row is
 * updated or deleted, the table is not truncated.
 */
export const appendOnlyTriggers = (table: string, refuse: string): string[] => [
  `create or replace trigger ${table}_append_only before update or delete on ${table}
      for each row execute function ${refuse}()`,
  `create or replace trigger ${table}_no_truncate before truncate on ${table}
      for each statement execute function ${refuse}()`,
]
