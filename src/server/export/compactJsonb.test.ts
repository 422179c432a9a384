import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'

import { EXCEL_CELL_LIMIT } from '../../core/csvCell'
import { quoteCell } from '../../core/csvRows'
import { toCompactJson } from '../../core/format'
import { isSecretName, redactorAt, sensitivePolicy } from '../../core/sensitive'
import { compactJsonb, compactJsonbCell } from './compactJsonb'

let client: pg.Client

beforeAll(async () => {
  client = new pg.Client(inject('postgresUrl'))
  await client.connect()
})
afterAll(() => client.end())

const policy = sensitivePolicy([])
const isSecret = (key: string) => isSecretName(key, policy.names)
/** What the export writes for a payload without the fast path: parsed, redacted, written as compact JSON. */
const oracle = (text: string) => toCompactJson(redactorAt(['payload'], policy)?.(JSON.parse(text)))

/** jsonb's own text for some values, as the export's COPY reads them. */
async function asJsonb(values: readonly unknown[]): Promise<string[]> {
  const { rows } = await client.query<[string]>({
    text: 'select item::text from jsonb_array_elements($1::jsonb) as item',
    values: [JSON.stringify(values)],
    rowMode: 'array',
  })
  return rows.map(([text]) => text)
}

// jsonb refuses U+0000; anything else JSON can say is fair, keys that name secrets and array indices included.
const key = fc.oneof(fc.string(), fc.constantFrom('password', 'apiToken', '$hidden', '__proto__', '0', '12', '01', 'a b', 'é"\\'))
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constantFrom(0.1, 1.5, 1e21, 1e-7, 0.000001, 123456789012345, 1234567890123456, -0),
)
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom('"', '\\', '\n', '\t', '\u001f', '\u007f', '\u2028', ' ', ',', ':', '{', 'a') }),
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(key, tie('json'), { maxKeys: 4 }),
  ),
}))
const container = fc.oneof(fc.dictionary(key, json, { maxKeys: 5 }), fc.array(json, { maxLength: 5 }))

describe('compactJsonb', () => {
  it('writes what parsing, redacting and JSON.stringify write, or leaves the value to them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(container, { minLength: 1, maxLength: 20 }), async (values) => {
        for (const text of await asJsonb(values.filter((value) => !JSON.stringify(value).includes('\\u0000')))) {
          const compact = compactJsonb(text, isSecret)
          if (compact !== undefined) expect(compact).toBe(oracle(text))
        }
      }),
      { numRuns: 200 },
    )
  })

  it('writes the CSV cell the writer makes of that text (quoted, quotes doubled) wherever it writes the text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(container, { minLength: 1, maxLength: 20 }), async (values) => {
        for (const text of await asJsonb(values.filter((value) => !JSON.stringify(value).includes('\\u0000')))) {
          const compact = compactJsonb(text, isSecret)
          expect(compactJsonbCell(text, isSecret)).toBe(compact === undefined ? undefined : quoteCell(compact))
        }
      }),
      { numRuns: 200 },
    )
    const [long] = await asJsonb([{ note: 'x'.repeat(EXCEL_CELL_LIMIT) }])
    // A text longer than a cell is left to the writer, which cuts it.
    expect(compactJsonb(long ?? '', isSecret)).toBeDefined()
    expect(compactJsonbCell(long ?? '', isSecret)).toBeUndefined()
    expect(compactJsonbCell('[1]', isSecret)).toBe('[1]')
    expect(compactJsonbCell('[1, 2]', isSecret)).toBe('"[1,2]"')
    expect(compactJsonbCell('{"a": "say \\"hi\\""}', isSecret)).toBe('"{""a"":""say \\""hi\\""""}"')
  })

  it('takes the fast way for payloads as they come, and leaves secrets, placeholders and odd numbers to the parse', async () => {
    const [plain, nested, secret, hidden, index, trailingZero, long] = await asJsonb([
      { id: 'YagBGpuS', plan: 'Enterprise', amount: { value: 639.54, currency: 'EUR' } },
      { title: 'Über "uns"\n', changes: { after: { status: 'published', revision: 4 }, list: [1, -2.5, true, null, 'a, b: c'] } },
      { user: { password: 'x' } },
      { note: { $hidden: 'secret' } },
      { 7: 'seven', a: 1 },
      { value: 1.5 },
      { value: 1234567890123456 },
    ])
    for (const text of [plain, nested]) expect(compactJsonb(text ?? '', isSecret)).toBe(oracle(text ?? ''))
    expect(compactJsonb(plain ?? '', isSecret)).toBe('{"id":"YagBGpuS","plan":"Enterprise","amount":{"value":639.54,"currency":"EUR"}}')
    for (const text of [secret, hidden, index, long]) expect(compactJsonb(text ?? '', isSecret)).toBeUndefined()
    // jsonb keeps a numeric's scale ("1.50" stays so); only one JavaScript writes back the same is copied.
    expect(compactJsonb('{"value": 1.50}', isSecret)).toBeUndefined()
    expect(compactJsonb(trailingZero ?? '', isSecret)).toBe('{"value":1.5}')
    expect(compactJsonb('"text"', isSecret)).toBeUndefined()
  })
})
