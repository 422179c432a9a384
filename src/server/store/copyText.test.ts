import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest'

import { LiteralParams } from '../sql'
import { CopyOut } from './copyOut'
import { lastCopyNumber, splitCopyRow } from './copyText'

let client: pg.Client

beforeAll(async () => {
  client = new pg.Client(inject('postgresUrl'))
  await client.connect()
})
afterAll(() => client.end())

/** The rows of `COPY (select …) TO STDOUT`, each split by `splitCopyRow`. */
async function copyRows(select: string): Promise<(string | null)[][]> {
  const rows: (string | null)[][] = []
  const copy = new CopyOut(`copy (${select}) to stdout`, (bytes) => {
    const fields: (string | null)[] = []
    splitCopyRow(bytes.toString('utf8'), fields)
    rows.push(fields)
  })
  client.query(copy)
  await copy.done
  return rows
}

// Text no stored value can hold is left out (NUL); everything else is fair: COPY's own escapes, the CSV's
// specials, formula starts, and any Unicode, astral and combining characters included.
const hostile = fc.oneof(
  fc.string({ unit: fc.constantFrom('\\', '\t', '\n', '\r', '\b', '\f', '\v', '"', "'", ',', '=', '+', '-', '@', 'N', '.', ' ', 'a') }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\\N', '\\', 'N', '', '=HYPERLINK("x")', '\t=1+1', '\\\\N', '\\t'),
)
const value = fc.option(hostile.map((text) => text.replaceAll('\0', '')))

describe("COPY's text format, read back", () => {
  it('gives the values pg gives for the same select: NULL, escapes, tabs, newlines, backslashes, any Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 6 }), async (values) => {
        // Each value once as a literal (COPY takes no parameters), once as a parameter of a plain select.
        const params = new LiteralParams(pg.escapeLiteral)
        const literals = values.map((item) => (item === null ? 'null::text' : `${params.add(item)}::text`))
        const expected = await client.query<string[]>({
          text: `select ${values.map((_, index) => `$${index + 1}::text`).join(', ')}`,
          values,
          rowMode: 'array',
        })
        expect(await copyRows(`select ${literals.join(', ')}`)).toEqual(expected.rows)
      }),
      { numRuns: 300 },
    )
  })

  it('reads many rows of JSON text as pg does, and an array of text written as a literal as its parameter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(value, { maxLength: 8 }), async (values) => {
        const texts = values.map((item) => item ?? 'null')
        const params = new LiteralParams(pg.escapeLiteral)
        const select = `select to_jsonb(item)::text, ordinality::text from unnest(${params.add(texts)}::text[]) with ordinality as item`
        const expected = await client.query<string[]>({
          text: `select to_jsonb(item)::text, ordinality::text from unnest($1::text[]) with ordinality as item`,
          values: [texts],
          rowMode: 'array',
        })
        expect(await copyRows(select)).toEqual(expected.rows)
      }),
      { numRuns: 100 },
    )
  })

  it("reads a row's last value as a number from its bytes, as `Number` reads it from the decoded value", () => {
    const last = fc.oneof(
      fc.nat().map(String),
      fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
      fc.constantFrom('\\N', '-1', '007', '1e3', '', ' 1', '١٢'),
    )
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 3 }), last, fc.boolean(), (before, value, newline) => {
        const line = [...before.map((text) => text.replace(/[\t\n\\]/g, '')), value].join('\t') + (newline ? '\n' : '')
        const fields: (string | null)[] = []
        const text = fields[splitCopyRow(line, fields) - 1]
        expect(lastCopyNumber(Buffer.from(line))).toBe(text === null || text === undefined ? null : Number(text))
      }),
    )
  })

  it('splits a row into its values, `\\N` alone being NULL', () => {
    const fields: (string | null)[] = []
    expect(splitCopyRow('a\t\\N\t\\\\N\tx\\ty\\\\z\t\n', fields)).toBe(5)
    expect(fields).toEqual(['a', null, '\\N', 'x\ty\\z', ''])
    expect(splitCopyRow('only', fields)).toBe(1)
    expect(fields[0]).toBe('only')
  })
})
