import canonicalize from 'canonicalize'

/**
 * The RFC 8785 (JSON Canonicalization Scheme) bytes of a JSON value: keys sorted by UTF-16 code units, numbers
 * in ECMAScript's shortest form, no whitespace. The same value gives the same bytes whatever order its keys were
 * written or stored in (jsonb reorders them), so a hash of these bytes survives a round trip through PostgreSQL.
 */
export function canonicalBytes(value: unknown): Buffer {
  const text = canonicalize(value)
  if (text === undefined) throw new TypeError('This value has no JSON form to canonicalise.')
  return Buffer.from(text, 'utf8')
}

/**
 * The value PostgreSQL stores for JSON text (`::jsonb`), as `pg` reads it back: parsing the very text that is
 * sent means a hash covers what is stored (`NaN` became `null`, a `Date` its ISO text, `undefined` nothing), not
 * what the caller held.
 */
export const storedForm = (json: string): unknown => JSON.parse(json)
