import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

import { hostileStrings } from '../msw/hostileStrings'
import { createCsvWriter } from './csv'
import { csvValue, EXCEL_CELL_LIMIT, TRUNCATION_MARKER, UTF8_BOM } from './csvCell'
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
