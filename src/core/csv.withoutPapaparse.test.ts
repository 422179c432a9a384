import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

import { anyEvent, anyFields, anyValue, timeValue, timeZone as arbitraryZone } from '../../test/support/csvArbitraries'
import { createCsvWriter } from './csv'
import { csvValue } from './csvCell'
import { toCompactJson } from './format'
import { subMillisecondDigits, toEpochMs, withSubMilliseconds } from './time'
import type { AuditEvent, AuditField } from './types'

describe('createCsvWriter without papaparse', () => {
  it('writes the same bytes and counts as with papaparse, for any events, fields, zone and BOM (property)', () => {
    fc.assert(
      fc.property(
        fc.array(anyEvent, { maxLength: 12 }),
        anyFields,
        arbitraryZone,
        fc.boolean(),
        fc.nat(12),
        (events, fields, timeZone, bom, split) => {
          const direct = createCsvWriter({ fields, timeZone, bom })
          const withPapa = createCsvWriter({ fields, timeZone, bom, unparse: Papa.unparse })
          expect(direct.header()).toBe(withPapa.header())
          // Pages of any size, the empty one included.
          for (const page of [events.slice(0, split), events.slice(split)]) expect(direct.rows(page)).toEqual(withPapa.rows(page))
        },
      ),
      { numRuns: 1500 },
    )
    // Thousands of cases take seconds on a busy machine: a generous limit, never a timing assertion.
  }, 60_000)

  it('writes a value a column has written before as it wrote it then, across pages (property)', () => {
    // Values drawn from a small pool, so columns repeat them as an audit log does (actions, severities, people).
    const pooledEvents = fc.array(anyValue, { minLength: 1, maxLength: 6 }).chain((pool) => {
      const pooled = fc.nat().map((at) => pool[at % pool.length])
      const event = fc.record({
        id: fc.string({ minLength: 1 }),
        createdAt: pooled,
        a: pooled,
        b: fc.record({ c: pooled }),
        list: fc.array(pooled, { maxLength: 2 }),
      })
      return fc.array(
        event.map((value) => value as AuditEvent),
        { maxLength: 30 },
      )
    })
    fc.assert(
      fc.property(pooledEvents, anyFields, arbitraryZone, fc.nat(30), (events, fields, timeZone, split) => {
        const direct = createCsvWriter({ fields, timeZone })
        const withPapa = createCsvWriter({ fields, timeZone, unparse: Papa.unparse })
        for (const page of [events.slice(0, split), events.slice(split), events]) expect(direct.rows(page)).toEqual(withPapa.rows(page))
      }),
      { numRuns: 600 },
    )
  }, 60_000)

  it('writes the same bytes as papaparse for a column of ever-new values, and for values too long to remember', () => {
    const fields: AuditField[] = [
      { key: 'a', label: 'New each time' },
      { key: 'b', label: 'Repeating' },
    ]
    const repeating = ['=1+1', ' padded ', 'a,b', '"quoted"', 'x'.repeat(129), '', 'plain']
    const events = Array.from({ length: 3_000 }, (_, index): AuditEvent => ({
      id: String(index),
      createdAt: index,
      a: index < 1_500 ? `-value ${String(index)}` : `-value ${String(index - 1_500)}`,
      b: repeating[index % repeating.length],
    }))
    const direct = createCsvWriter({ fields, timeZone: 'UTC' })
    const withPapa = createCsvWriter({ fields, timeZone: 'UTC', unparse: Papa.unparse })
    for (let at = 0; at < events.length; at += 250) expect(direct.rows(events.slice(at, at + 250))).toEqual(withPapa.rows(events.slice(at, at + 250)))
  })

  it('writes a UTC time as Date#toISOString does, straight from its text when it is already in that form', () => {
    const digits = (length: number): fc.Arbitrary<string> =>
      fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), minLength: length, maxLength: length })
    const canonicalLooking = fc
      .tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), digits(3), fc.constantFrom('Z', 'z'), fc.constantFrom('T', 't'))
      .map(([year, month, day, hour, minute, second, ms, zulu, t]) => `${year}-${month}-${day}${t}${hour}:${minute}:${second}.${ms}${zulu}`)
    const field: AuditField = { key: 'createdAt', label: 'Time', type: 'datetime' }
    fc.assert(
      fc.property(fc.oneof(canonicalLooking, timeValue), fc.constantFrom('UTC', 'Etc/UTC'), (createdAt, zone) => {
        const ms = toEpochMs(createdAt)
        const expected =
          ms === null
            ? typeof createdAt === 'string'
              ? createdAt
              : typeof createdAt === 'number'
                ? String(createdAt)
                : toCompactJson(createdAt)
            : withSubMilliseconds(new Date(ms).toISOString(), subMillisecondDigits(createdAt))
        expect(csvValue(field, { id: '1', createdAt } as AuditEvent, { timeZone: zone })).toBe(expected)
      }),
      { numRuns: 5000 },
    )
  })
})
