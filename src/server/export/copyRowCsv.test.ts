import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AuditField } from '../../core/types'
import { byteChunks } from './byteChunks'
import { copyRowCsv } from './copyRowCsv'
import { csvStream } from '../exportCsv'
import { checkEvent } from '../ingest/checkEvent'
import type { AuditLogStore } from '../storeTypes'
import { freshStore } from '../../../test/support/server/database'

let store: AuditLogStore
let drop: () => Promise<void>

beforeAll(async () => {
  ;({ store, drop } = await freshStore())
})
afterAll(() => drop())

// Everything the fast path looks at: COPY's escapes, the CSV's specials, formula starts, a byte-order mark, spaces
// at either end, and any Unicode (astral characters, lone surrogates and NUL, which are stored marked).
const hostile = fc.oneof(
  fc.string({
    unit: fc.constantFrom('\\', '\t', '\n', '\r', '"', "'", ',', '=', '+', '-', '@', ' ', '\uFEFF', 'a', 'Z', '0', 'é', '😀', '\u00a0'),
    maxLength: 8,
  }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', 'Login', 'Ana Souza', '12.88.214.220', 'x,y', 'trailing ', '=SUM(A1)', '\\N', 'N', 'null', '1.0'),
)
// Most values of a log are plain (the fast path's own work: commas, spaces, byte-order marks, non-ASCII letters, emoji among them),
// so that a row of several values is often plain throughout.
const plain = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,@é😀\uFEFF-]{0,10}$/u)
const hostileText = fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: hostile })
// Keys the compaction refuses or keeps: secret names, placeholders, array-like keys, escapes.
const key = fc.oneof({ weight: 5, arbitrary: plain }, hostile, fc.constantFrom('password', 'apiToken', '$hidden', '0', '12', 'id', 'a b', 'title'))
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1.5, 472.99, 1e21, 1e-7, 2 ** 60))
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    number,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value
const createdAt = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('2026-03-01T09:30:00Z', '2026-03-01T09:30:00.123456Z', '2026-03-01T10:30:00.5+01:00', 1_772_357_400_000),
)
const event = fc.record(
  {
    createdAt,
    action: hostileText.filter((text) => text !== ''),
    severity: hostileText,
    ip: hostileText,
    // A second time column: times in other forms, text that only looks like one, and any text.
    dueAt: fc.oneof(
      createdAt,
      fc.constantFrom('2026-01-01 10:00:00', '2026-01-01', '20260101', '1', '2026-01-01T10:00Z', '+012026-01-01T00:00:00Z'),
      hostileText,
    ),
    user: fc.record({ name: fc.oneof(hostileText, json), email: hostileText }, { requiredKeys: [] }),
    payload: json,
  },
  { requiredKeys: ['createdAt', 'action'] },
)

const fields = (timeType: AuditField['type']): AuditField[] => [
  { key: 'createdAt', label: 'Time', ...(timeType ? { type: timeType } : {}) },
  { key: 'action', label: 'Action' },
  { key: 'severity', label: 'Severity', type: 'severity' },
  { key: 'user.name', label: 'Name' },
  { key: 'user.email', label: 'Email' },
  { key: 'ip', label: 'IP' },
  { key: 'dueAt', label: 'Due', type: 'datetime' },
  { key: 'payload', label: 'Payload' },
  // The same value in two columns.
  { key: 'action', label: 'Action again' },
]

async function exportBytes(source: AuditLogStore, tenant: string, columns: AuditField[], timeZone: string): Promise<Buffer> {
  const request = { search: {}, columns: columns.map(({ key, label }) => ({ key, label })), timeZone, fileName: 'x.csv' }
  // Pinned far ahead: events whose clock runs ahead are in the file too.
  const chunks: Uint8Array[] = []
  for await (const chunk of csvStream(source, tenant, request, columns, { now: Date.parse('2100-01-01T00:00:00Z') })) chunks.push(chunk)
  return Buffer.concat(chunks)
}

describe('CSV rows written from the bytes of the export’s COPY', () => {
  it('are byte for byte the rows the general path writes from the decoded values, whatever the text', async () => {
    let tenants = 0
    let fromBytes = 0
    let rows = 0
    // The general path: every row decoded and written by the CSV writer.
    const general: AuditLogStore = { ...store, exportEvents: (tenant, request) => store.exportEvents(tenant, { ...request, onCopyRow: () => false }) }
    // The fast path, counting the rows it wrote: the property must see it at work.
    const counted: AuditLogStore = {
      ...store,
      exportEvents: (tenant, request) =>
        store.exportEvents(tenant, {
          ...request,
          onCopyRow: (row) => {
            const written = request.onCopyRow?.(row) ?? false
            if (written) fromBytes += 1
            return written
          },
        }),
    }
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<AuditField['type']>('datetime', undefined),
        fc.constantFrom('UTC', 'Etc/UTC', 'Europe/Berlin'),
        async (events, timeType, timeZone) => {
          tenants += 1
          const tenant = `bytes-${tenants}`
          await store.insertEvents(
            tenant,
            events.map((item, index) => checkEvent(item, tenant, `events[${index}]`)),
          )
          rows += events.length
          const columns = fields(timeType)
          const expected = await exportBytes(general, tenant, columns, timeZone)
          const actual = await exportBytes(counted, tenant, columns, timeZone)
          expect(actual.toString('utf8')).toBe(expected.toString('utf8'))
          expect(actual.equals(expected)).toBe(true)
        },
      ),
      { numRuns: 150 },
    )
    // Both paths are at work: many rows are written from their bytes, and many are not.
    expect(fromBytes).toBeGreaterThan(rows / 10)
    expect(fromBytes).toBeLessThan(rows)
  })

  it("write a row whole at a chunk's edge: the room it makes holds every cell, however the row grows", () => {
    // COPY's text escapes of a value's JSON text.
    const copyText = (value: unknown) =>
      value === undefined
        ? '\\N'
        : JSON.stringify(value).replace(/[\\\t\n\r]/g, (character) => ({ '\t': '\\t', '\n': '\\n', '\r': '\\r' })[character] ?? '\\\\')
    const columns = [
      { index: 0, kind: 'time' as const },
      { index: 1, kind: 'value' as const },
      { index: 2, kind: 'value' as const },
      { index: 1, kind: 'value' as const },
    ]
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.option(createdAt, { nil: undefined }), fc.option(hostileText, { nil: undefined }), fc.option(json, { nil: undefined })),
          { maxLength: 20 },
        ),
        fc.integer({ min: 1, max: 64 }),
        (rows, chunkBytes) => {
          const write = (size: number) => {
            const chunks = byteChunks(size)
            const writeRow = copyRowCsv(columns, 4, 'Europe/Berlin', chunks, (key) => key === 'password')
            const written = rows.map((values) =>
              writeRow(Buffer.from(`${[...values, 7].map((value, at) => (at === 3 ? String(value) : copyText(value))).join('\t')}\n`)),
            )
            return { written, bytes: Buffer.concat(chunks.take()).toString('hex') }
          }
          expect(write(chunkBytes)).toEqual(write(1 << 20))
        },
      ),
    )
  })
})
