import fc from 'fast-check'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freshStore } from '../../../test/support/server/database'
import { filterValues } from './filterValues'

let database: Awaited<ReturnType<typeof freshStore>>
let client: pg.Client

beforeAll(async () => {
  database = await freshStore()
  client = new pg.Client(database.url)
  await client.connect()
  // The SQL definition the PL/pgSQL one replaced, under a name of its own: the oracle.
  const [definition] = filterValues.statements
  await client.query((definition ?? '').replace('function audit_values(', 'function audit_values_sql('))
})

afterAll(async () => {
  await client.end()
  await database.drop()
})

const word = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('Critical', 'ÉCOLE', 'İstanbul', 'STRASSE', 'ß', 'ǅ', '', ' x '))
const scalar = fc.oneof(word, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null))
const value = fc.oneof(scalar, fc.array(fc.oneof(scalar, fc.array(scalar), fc.dictionary(word, scalar))), fc.dictionary(word, scalar))

describe('audit_values in PL/pgSQL', () => {
  it('gives the values the SQL function gave, for any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(value, { maxLength: 50 }), async (values) => {
        const { rows } = await client.query<{ now: string[]; before: string[] }>(
          `select audit_values(item) as now, audit_values_sql(item) as before from jsonb_array_elements($1::jsonb) with ordinality as v(item, n) order by n`,
          [JSON.stringify(values)],
        )
        expect(rows.map((row) => [...row.now].sort())).toEqual(rows.map((row) => [...row.before].sort()))
      }),
      { numRuns: 60 },
    )
  })

  it('gives the SQL function’s answer for a missing value too', async () => {
    const { rows } = await client.query<{ now: string[] | null; before: string[] | null }>(
      `select audit_values('{}'::jsonb #> '{absent}') as now, audit_values_sql('{}'::jsonb #> '{absent}') as before`,
    )
    expect(rows[0]?.now).toEqual(rows[0]?.before)
  })
})
