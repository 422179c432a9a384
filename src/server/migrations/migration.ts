/** One step of the schema: applied once, in version order, inside the transaction that records it. */
export interface Migration {
  /** Consecutive from 1; a database records the highest it has. */
  version: number
  name: string
  statements: readonly string[]
}
