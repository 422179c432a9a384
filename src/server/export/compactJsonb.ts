import { EXCEL_CELL_LIMIT } from '../../core/csvCell'

/**
 * An object or array as PostgreSQL writes jsonb as text (`{"a": 1, "b": [true, null]}`), rewritten to the
 * compact JSON the CSV writer writes for it (`JSON.stringify` of `JSON.parse` of it) by one pass over the
 * text, without building the value: an export writes one such cell per row. Returns `undefined` wherever
 * the parse could give anything else, or where a value would be hidden, and the caller then parses it:
 * - a key that `isSecret` names (its value would be hidden), `$hidden` (a placeholder), `__proto__`, an escape
 *   in a key, or a key that reads as an array index (JavaScript puts those first);
 * - a number that JavaScript writes differently (trailing fraction zeros, more than 15 digits, exponents).
 * Strings are copied as they are: jsonb escapes `"`, `\` and control characters as `JSON.stringify` does.
 */
export function compactJsonb(text: string, isSecret: (key: string) => boolean): string | undefined {
  return compact(text, isSecret, false)
}

/**
 * The CSV cell the writer makes of `compactJsonb`'s text (`quoteCell`: quoted, its quotes doubled; JSON never
 * starts a formula), built by the same pass instead of a second one over the text; `undefined` where
 * `compactJsonb` gives it, and for a text longer than a cell may be (the writer cuts that one).
 */
export function compactJsonbCell(text: string, isSecret: (key: string) => boolean): string | undefined {
  return compact(text, isSecret, true)
}

/** `compactJsonb`; with `quote`, each `"` is written twice and the whole is quoted where CSV needs it. */
function compact(text: string, isSecret: (key: string) => boolean, quote: boolean): string | undefined {
  const first = text.charCodeAt(0)
  if (first !== 123 /* { */ && first !== 91 /* [ */) return undefined
  let out = ''
  let from = 0
  // Quotes written twice (with `quote`): the cell is the text and these.
  let doubled = 0
  // Whether the next string at this depth is a key: one flag per open object or array.
  const inObject: boolean[] = []
  let expectKey = false
  const length = text.length
  // The next backslash (in a string: an escape), found once and again only after passing it.
  let backslash = text.indexOf('\\')
  for (let at = 0; at < length;) {
    const code = text.charCodeAt(at)
    if (code === 34 /* " */) {
      const start = at
      let escaped = false
      // Writing the text up to a quote and starting the next part at it again writes the quote twice.
      if (quote) {
        out += text.slice(from, at + 1)
        from = at
        doubled += 2
      }
      at += 1
      // A string's end is its next quote without a backslash before it: found by searching, not char by char.
      for (;;) {
        const close = text.indexOf('"', at)
        if (close === -1) return undefined
        if (backslash !== -1 && backslash < at) backslash = text.indexOf('\\', at)
        if (backslash === -1 || backslash > close) {
          at = close
          break
        }
        escaped = true
        if (quote && text.charCodeAt(backslash + 1) === 34) {
          out += text.slice(from, backslash + 2)
          from = backslash + 1
          doubled += 1
        }
        at = backslash + 2
      }
      if (quote) {
        out += text.slice(from, at + 1)
        from = at
      }
      at += 1
      if (expectKey) {
        if (escaped) return undefined
        const key = text.slice(start + 1, at - 1)
        if (!isPlainKey(key, isSecret)) return undefined
        expectKey = false
      }
    } else if (code === 32 /* space */) {
      // jsonb writes ", " and ": " outside strings; the compact form has no spaces.
      out += text.slice(from, at)
      at += 1
      from = at
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      inObject.push(code === 123)
      expectKey = code === 123
      at += 1
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      inObject.pop()
      at += 1
    } else if (code === 44 /* , */) {
      expectKey = inObject[inObject.length - 1] === true
      at += 1
    } else if (code === 45 /* - */ || (code >= 48 && code <= 57)) {
      const start = at
      while (at < length && isNumberCharacter(text.charCodeAt(at))) at += 1
      if (!isPlainNumber(text.slice(start, at))) return undefined
    } else at += 1
  }
  out += text.slice(from)
  if (!quote) return out
  if (out.length - doubled > EXCEL_CELL_LIMIT) return undefined
  // A quote or a comma is what makes `quoteCell` quote compact JSON (a BOM or a line break is only in a string).
  return doubled > 0 || out.includes(',') ? `"${out}"` : out
}

const ARRAY_INDEX = /^(0|[1-9]\d*)$/

/** Whether a key's value is written as it is: not hidden, not a placeholder, and kept in its place by a parse. */
export const isPlainKey = (key: string, isSecret: (key: string) => boolean): boolean =>
  key !== '$hidden' && key !== '__proto__' && !ARRAY_INDEX.test(key) && !isSecret(key)

/** A digit, sign, point or exponent mark: what a number token is made of. */
export const isNumberCharacter = (code: number): boolean =>
  (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 46 || code === 101 || code === 69
// An integer or a decimal without trailing fraction zeros, no exponent: JavaScript writes it back the same.
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/
// Below 1e-6 JavaScript writes an exponent.
const TINY = /^-?0\.00000/

/** Whether `String(Number(token))` is `token`: 15 digits at most round-trip through a double exactly. */
export function isPlainNumber(token: string): boolean {
  if (!PLAIN_NUMBER.test(token) || TINY.test(token) || token === '-0') return false
  let digits = 0
  for (let at = 0; at < token.length; at += 1) {
    const code = token.charCodeAt(at)
    if (code >= 48 && code <= 57) digits += 1
  }
  return digits <= 15
}
