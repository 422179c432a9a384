/** One step of the schema: applied once, in version order, inside the transaction that records it. */
export interface Migration {
  /** Consecutive from 1; a database records the highest it has. */
  version: number
  name: string
  statements: readonly string[]
}

/**
 * A statement in which `%1$I` names the schema it runs in, for functions an index calls: an index is built and
 * maintained with a search path of its own, so what its function calls is named with its schema.
 */
export const inThisSchema = (statement: string): string => `do $do$
    begin
      execute format($sql$${statement}$sql$, current_schema());
    end
    $do$`
