/** Collects the values of a parameterised statement: client text only ever travels as `$n`, never in the SQL. */
export class Params {
  readonly values: unknown[] = []

  /** The placeholder of a new value. */
  add(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
}

/** A `like` pattern that matches `text` anywhere, its `%`, `_` and `\` taken literally. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`
