/**
 * Collects the values of a parameterised statement: client text only ever travels as `$n`, never in the SQL
 * (`LiteralParams` is the one exception, for the statement that cannot take parameters).
 */
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

/** An array parameter's text, as the driver sends it (`{"a","b"}`: each item quoted, its `\\` and `"` escaped). */
const arrayText = (items: readonly string[]): string => `{${items.map((item) => `"${item.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(',')}}`

/**
 * Values written into the statement as quoted literals, for `COPY (SELECT …)`, which takes no parameters. Each
 * literal is the text the driver would have sent as the parameter, quoted by the driver's own `escapeLiteral`,
 * so it reads as the parameter did (an untyped literal takes its type from where it stands, as a parameter
 * does). Only text and arrays of text are taken: everything else is refused, never guessed at. `quote` is
 * pg's `escapeLiteral` (pg is loaded on first use, never by this module).
 */
export class LiteralParams extends Params {
  constructor(private readonly quote: (text: string) => string) {
    super()
  }

  override add(value: unknown): string {
    if (typeof value === 'string') return this.quote(value)
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return this.quote(arrayText(value))
    throw new TypeError('A literal in a statement is text or an array of text.')
  }
}
