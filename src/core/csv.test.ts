import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

import { hostileStrings } from '../msw/hostileStrings'
import { anyEvent, anyFields, anyValue, timeValue, timeZone as arbitraryZone } from '../../test/support/csvArbitraries'
import { createCsvWriter } from './csv'
import { csvCell, csvValue, EXCEL_CELL_LIMIT, neutraliseFormula, safeCell, TRUNCATION_MARKER, UTF8_BOM } from './csvCell'
import { toCompactJson } from './format'
import { subMillisecondDigits, toEpochMs, withSubMilliseconds } from './time'
import type { AuditEvent, AuditField } from './types'

const parse = (text: string): string[][] => {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: false })
  const rows = result.data
  // The file ends with CRLF, which papaparse reads as one last empty row.
  if (rows.length > 0 && rows.at(-1)?.length === 1 && rows.at(-1)?.[0] === '') rows.pop()
  return rows
}

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '\0'])
const isPlainNumber = (text: string): boolean => text.trim() !== '' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())

/** What a cell must read as after a round trip, written independently of the implementation. */
function expectedCell(text: string): string {
  const padding = /^[\s"']*/.exec(text)?.[0] ?? ''
  const startsDangerously = /[\t\r\n]/.test(padding) || ['=', '+', '-', '@', '\0'].includes(text[padding.length] ?? '')
  const safe = startsDangerously && !isPlainNumber(text) ? `'${text}` : text
  return safe.length <= EXCEL_CELL_LIMIT ? safe : safe.slice(0, EXCEL_CELL_LIMIT - TRUNCATION_MARKER.length) + TRUNCATION_MARKER
}

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\n=1', "'\n=1"],
    ['\0x', "'\0x"],
    ['   =1+1', "'   =1+1"],
    ['"=1+1', '\'"=1+1'],
    ["'=1+1", "''=1+1"],
    ['=HYPERLINK("x")\nsecond line', '\'=HYPERLINK("x")\nsecond line'],
    ['-5', '-5'],
    ['+3.5e2', '+3.5e2'],
    ['12', '12'],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output)
  })
})

describe('csvValue', () => {
  const event: AuditEvent = {
    id: 'e1',
    createdAt: '2021-11-17T08:02:46.375Z',
    count: -12.5,
    payload: { title: 'x', n: 1 },
  }
  it('writes times as ISO-8601 with the zone offset, numbers as digits, objects as compact JSON', () => {
    expect(csvValue({ key: 'createdAt', label: 'Time', type: 'datetime' }, event, { timeZone: 'Asia/Kolkata' })).toBe('2021-11-17T13:32:46.375+05:30')
    expect(csvValue({ key: 'count', label: 'Count', type: 'number' }, event)).toBe('-12.5')
    expect(csvValue({ key: 'payload', label: 'Payload', type: 'json' }, event)).toBe('{"title":"x","n":1}')
    expect(csvValue({ key: 'missing', label: 'Missing' }, event)).toBe('')
    expect(csvValue({ key: 'count', label: 'Count', format: (value) => `${String(value)} units` }, event)).toBe('-12.5 units')
  })
})

describe('createCsvWriter', () => {
  const fields: AuditField[] = [
    { key: 'createdAt', label: 'Time', type: 'datetime' },
    { key: 'secret', label: 'Secret', exported: false },
    { key: 'hidden', label: 'Hidden', shown: false },
    { key: 'note', label: '=Label' },
  ]
  const writer = createCsvWriter({ fields, unparse: Papa.unparse, timeZone: 'UTC' })

  it('writes the exported fields in order with their labels, a BOM, CRLF rows and quoted neutralised cells', () => {
    const text = writer.header() + writer.rows([{ id: '1', createdAt: 0, secret: 's3cr3t', hidden: 'h', note: 'say "hi", then\nleave' }]).text
    expect(text.startsWith(UTF8_BOM)).toBe(true)
    expect(text).toBe(`${UTF8_BOM}Time,Hidden,"'=Label"\r\n1970-01-01T00:00:00.000Z,h,"say ""hi"", then\nleave"\r\n`)
    expect(text).not.toContain('s3cr3t')
  })

  it('writes a csvRaw field (ids, hashes) exactly as it is, and still neutralises every other column', () => {
    const rawFields = [
      { key: 'insertId', label: 'Insert id', csvRaw: true },
      { key: 'statement', label: 'Statement' },
    ]
    const raw = createCsvWriter({ fields: rawFields, unparse: Papa.unparse, bom: false })
    const [cells] = parse(raw.rows([{ id: '1', createdAt: 0, insertId: '-1f2a3b', statement: '-- a comment' }]).text)
    expect(cells).toEqual(['-1f2a3b', "'-- a comment"])
  })

  it('keeps microseconds and nanoseconds of a time, in any zone, so events in one millisecond stay apart', () => {
    const timeField = [{ key: 'createdAt', label: 'Time', type: 'datetime' as const }]
    const times = ['2024-03-01T10:15:30.123456789Z', '2024-03-01T10:15:30.123457Z', '2024-03-01T10:15:30.123Z', '2024-03-01T11:15:30.5+01:00']
    const events = times.map((createdAt, index) => ({ id: String(index), createdAt }))
    const inUtc = parse(createCsvWriter({ fields: timeField, unparse: Papa.unparse, timeZone: 'UTC' }).rows(events).text).map((row) => row[0])
    expect(inUtc).toEqual(['2024-03-01T10:15:30.123456789Z', '2024-03-01T10:15:30.123457Z', '2024-03-01T10:15:30.123Z', '2024-03-01T10:15:30.500Z'])
    const inPrague = parse(createCsvWriter({ fields: timeField, unparse: Papa.unparse, timeZone: 'Europe/Prague' }).rows(events).text)
    expect(inPrague[0]?.[0]).toBe('2024-03-01T11:15:30.123456789+01:00')
  })

  it('leaves the BOM out on request', () => {
    expect(createCsvWriter({ fields, unparse: Papa.unparse, bom: false }).header().startsWith('Time')).toBe(true)
  })

  it('cuts cells longer than Excel allows, with a marker, and counts them', () => {
    const rows = writer.rows([{ id: '1', createdAt: 0, hidden: 'x'.repeat(40_000), note: 'ok' }])
    expect(rows.truncated).toBe(1)
    const [cells] = parse(rows.text)
    expect(cells?.[1]).toHaveLength(EXCEL_CELL_LIMIT)
    expect(cells?.[1]?.endsWith(TRUNCATION_MARKER)).toBe(true)
  })

  it('neutralises every hostile string and keeps numbers', () => {
    const events = hostileStrings.map((text, index) => ({ id: String(index), createdAt: 0, hidden: text, note: -index }))
    const rows = parse(writer.rows(events).text)
    rows.forEach((cells, index) => {
      expect(cells[1]).toBe(expectedCell(hostileStrings[index] ?? ''))
      expect(cells[2]).toBe(String(-index))
    })
  })

  it('round-trips arbitrary events, and no cell starts a formula (property, 2,000 cases)', () => {
    const formulaText = fc
      .tuple(
        fc.constantFrom('', ' ', '  ', '"', "'", '\t', '\r\n', '\n'),
        fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\0', ''),
        fc.string(),
      )
      .map(([padding, trigger, rest]) => padding + trigger + rest)
    const cellValue = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      formulaText,
      fc.constantFrom(...hostileStrings),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
      fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
      fc.array(fc.string(), { maxLength: 3 }),
    )
    const keys = ['a', 'b.c', 'd'] as const
    const propertyFields: AuditField[] = keys.map((key) => ({ key, label: key }))
    const propertyWriter = createCsvWriter({ fields: propertyFields, unparse: Papa.unparse })
    const event = fc.record({ a: cellValue, b: fc.record({ c: cellValue }), d: cellValue })

    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 8 }), (values) => {
        const events: AuditEvent[] = values.map((value, index) => ({ id: String(index), createdAt: 0, ...value }))
        const text = propertyWriter.header() + propertyWriter.rows(events).text
        const rows = parse(text)
        expect(rows).toHaveLength(events.length + 1)
        events.forEach((source, index) => {
          const cells = rows[index + 1] ?? []
          expect(cells).toHaveLength(keys.length)
          propertyFields.forEach((field, column) => {
            const written = cells[column] ?? ''
            expect(written).toBe(expectedCell(csvValue(field, source)))
            const raw = csvValue(field, source)
            const numeric = typeof (field.key === 'b.c' ? (source.b as { c: unknown }).c : source[field.key]) === 'number'
            if (!numeric && !isPlainNumber(raw)) expect(TRIGGERS.has(written[0] ?? '')).toBe(false)
          })
        })
      }),
      { numRuns: 2000 },
    )
    // Thousands of cases take seconds on a busy machine: a generous limit, never a timing assertion.
  }, 60_000)
})

describe('safeCell', () => {
  it('returns short safe text untouched', () => {
    expect(safeCell('hello')).toEqual({ text: 'hello', truncated: false })
  })
})

describe('csvCell', () => {
  const event = { id: '1', createdAt: '2026-01-01T00:00:00.000Z', action: 'delete', n: 3 }

  it('writes the value as stored, marked failed, when a host format throws; a non-string format result as its text', () => {
    const throwing = {
      key: 'action',
      label: 'Action',
      format: () => {
        throw new Error('no wording')
      },
    }
    expect(csvCell(throwing, event)).toEqual({ text: 'delete', failed: true })
    const numeric = { key: 'n', label: 'N', format: ((value: unknown) => Number(value) * 2) as unknown as (value: unknown) => string }
    expect(csvCell(numeric, event)).toEqual({ text: '6', failed: false })
  })

  it('leaves the cell empty, marked failed, when a host value accessor throws', () => {
    const field = {
      key: 'derived',
      label: 'Derived',
      value: () => {
        throw new Error('unexpected shape')
      },
    }
    expect(csvCell(field, event)).toEqual({ text: '', failed: true })
  })
})

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
