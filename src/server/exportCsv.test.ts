import Papa from 'papaparse'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createCsvWriter } from '../core/csv'
import { defaultFields } from '../core/fields'
import type { AuditEvent } from '../core/types'
import { checkEvent } from './ingest/checkEvent'
import { exportValue } from './store/exportBatches'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, seed, testHandler } from '../../test/support/server/database'
import type { AuditLogHandler } from './types'

let store: AuditLogStore
let drop: () => Promise<void>
let handler: AuditLogHandler

beforeAll(async () => {
  ;({ store, drop } = await freshStore())
  // More events than one export batch (1,000), and the generator's hostile strings among them.
  await seed(store, { count: 5000, tenants: ['acme', 'globex'], seed: 3, end: Date.now() - 60_000 })
  handler = testHandler(store)
}, 60_000)
afterAll(() => drop())

const columns = defaultFields.map(({ key, label }) => ({ key, label }))

async function sqlEvents(where: string, values: unknown[] = []): Promise<AuditEvent[]> {
  const { rows } = await store.pool.query<{ data: AuditEvent }>(
    `select data from audit_events where tenant_id = 'acme' and ${where} order by created_at desc, id desc`,
    values,
  )
  return rows.map((row) => row.data)
}

const exportRequest = (query: object, timeZone = 'Europe/Berlin') => ({ query, columns, timeZone, fileName: 'acme audit/logs.csv' })

describe('the streaming CSV export', () => {
  it("writes exactly the rows of a direct SQL query, with the browser export's columns, times and neutralising", async () => {
    const response = await call(handler, '/export', {
      tenant: 'acme',
      method: 'POST',
      body: exportRequest({ filters: { severity: ['info', 'high'] } }),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="acme_audit_logs.csv"')
    // Bytes as they arrive: Response.text() would drop the BOM.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())

    const expected = await sqlEvents(`lower(data->>'severity') in ('info', 'high')`)
    expect(expected.length).toBeGreaterThan(1500)
    const writer = createCsvWriter({ fields: defaultFields, unparse: Papa.unparse, timeZone: 'Europe/Berlin' })
    expect(text).toBe(writer.header() + writer.rows(expected).text)

    // What that means, checked on its own: BOM, CRLF rows, one row per event, zoned times, no live formula.
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data
    expect(rows).toHaveLength(expected.length + 1)
    expect(rows[0]).toEqual(defaultFields.map((field) => field.label))
    expect(rows[1]?.[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/)
    const cells = rows.flat()
    expect(cells.some((cell) => cell.startsWith("'="))).toBe(true)
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell) && !/^[+-]?\d/.test(cell))).toEqual([])
  })

  it('pins its end when it starts: events that arrive while it streams are not in the file', async () => {
    const before = await sqlEvents('true')
    const response = await call(handler, '/export', { tenant: 'acme', method: 'POST', body: exportRequest({}, 'UTC') })
    const reader = (response.body ?? new ReadableStream()).getReader()
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
    let text = ''
    const first = await reader.read()
    text += decoder.decode(first.value, { stream: true })
    // Arrivals during the export: now, and one in the future.
    await store.insertEvents('acme', [
      checkEvent({ id: 'during-1', action: 'Login' }, 'acme', 'event'),
      checkEvent({ id: 'during-2', action: 'Login', createdAt: new Date(Date.now() + 3_600_000).toISOString() }, 'acme', 'event'),
    ])
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true })
    const rows = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1)
    const idColumn = columns.findIndex((column) => column.key === 'user.id')
    expect(rows).toHaveLength(before.length)
    expect(rows.map((row) => row[idColumn])).toEqual(before.map((event) => (event.user as { id?: string } | undefined)?.id ?? ''))
    expect(text).not.toContain('during-')
  })

  it('writes the log as it was when the first byte came: an event stored meanwhile is not in it, whatever its time', async () => {
    const before = await sqlEvents('created_at < now()')
    const response = await call(handler, '/export', { tenant: 'acme', method: 'POST', body: exportRequest({}, 'UTC') })
    const reader = (response.body ?? new ReadableStream()).getReader()
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
    let text = decoder.decode((await reader.read()).value, { stream: true })
    // Older than every event of the export: a keyset that pages towards the past would reach it last.
    await store.insertEvents('acme', [checkEvent({ id: 'late-old', action: 'Login', createdAt: '2001-01-01T00:00:00Z' }, 'acme', 'event')])
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true })
    const rows = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data.slice(1)
    expect(rows).toHaveLength(before.length)
    expect(text).not.toContain('2001-01-01')
  })

  it('reads every column in one COPY, and gives its connection back when the reader stops, mid-COPY or after it', async () => {
    const spy = vi.spyOn(pg.Client.prototype, 'query')
    const statements = () => spy.mock.calls.map(([config]: unknown[]) => (typeof config === 'string' ? config : (config as { text: string }).text))
    try {
      const response = await call(handler, '/export', { tenant: 'acme', method: 'POST', body: exportRequest({}, 'UTC') })
      const text = new TextDecoder().decode(await response.arrayBuffer())
      expect(text.split('\r\n').length - 2).toBeGreaterThan(1000)
      expect(statements().filter((statement) => statement.startsWith('copy (select'))).toHaveLength(1)
      expect(statements().filter((statement) => /^(select data|fetch|declare)/.test(statement))).toEqual([])
      expect(statements().at(-1)).toBe('commit')
      // A reader that stops after the header, and one that stops after a first chunk: the transaction ends
      // (rolled back, or its connection closed while the COPY runs) and the pool has its connection back.
      for (const chunks of [1, 2]) {
        const stopped = await call(handler, '/export', { tenant: 'acme', method: 'POST', body: exportRequest({}, 'UTC') })
        const reader = (stopped.body ?? new ReadableStream()).getReader()
        for (let chunk = 0; chunk < chunks; chunk += 1) await reader.read()
        await reader.cancel()
        expect(store.pool.idleCount).toBe(store.pool.totalCount)
      }
    } finally {
      spy.mockRestore()
    }
    // No statement of an export is left running or holding its transaction open (a closed connection's backend
    // may take a moment to go).
    await vi.waitFor(async () => {
      const { rows } = await store.pool.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where query like 'copy (select%' and state <> 'idle' and pid <> pg_backend_pid()",
      )
      expect(rows[0]?.n).toBe(0)
    })
    expect(store.pool.idleCount).toBe(store.pool.totalCount)
  })

  it("reads a search's hostile text as text: quotes, backslashes and placeholders written into the COPY match nothing", async () => {
    const hostile = ["x' or '1'='1", "\\' or true --", '$1', "'); select 1; --\\"]
    // Before this test: each export is itself recorded in the tenant's log.
    const to = new Date(Date.now() - 1).toISOString()
    const rows = async (query: object) => {
      const response = await call(handler, '/export', { tenant: 'acme', method: 'POST', body: exportRequest({ to, ...query }, 'UTC') })
      expect(response.status).toBe(200)
      return new TextDecoder().decode(await response.arrayBuffer()).split('\r\n').length - 2
    }
    for (const search of hostile) expect(await rows({ search })).toBe(0)
    expect(await rows({ filters: { action: hostile } })).toBe(0)
    expect(await rows({ exclude: { action: hostile } })).toBe(await rows({}))
    expect(await rows({})).toBeGreaterThan(1000)
  })

  it('reads the same rows, in the same order, whatever the batch size: none lost or repeated at a batch edge', async () => {
    const paths = [['createdAt'], ['action'], ['user'], ['payload'], ['ip']]
    const search = { to: new Date().toISOString(), filters: { severity: ['critical', 'high'] } }
    const read = async (batchSize: number) => {
      const values: unknown[][] = []
      const seqs: (number | null)[] = []
      const batches: number[] = []
      for await (const batch of store.exportEvents('acme', {
        search,
        paths,
        batchSize,
        onRow: (row) => values.push(paths.map((_, index) => exportValue(row, index))),
      })) {
        batches.push(batch.seqs.length)
        seqs.push(...batch.seqs)
      }
      return { values, seqs, batches }
    }
    const whole = await read(100_000)
    const expected = await sqlEvents(`lower(data->>'severity') in ('critical', 'high') and created_at <= now()`)
    expect(whole.values).toEqual(expected.map((event) => paths.map(([key]) => event[key as string] ?? null)))
    const count = whole.values.length
    expect(count).toBeGreaterThan(100)
    // Sizes that end a batch exactly on the last row, one before it and one after it, and tiny ones.
    for (const size of [1, 7, count - 1, count, count + 1]) {
      const batched = await read(size)
      expect(batched.values).toEqual(whole.values)
      expect(batched.seqs).toEqual(whole.seqs)
      // A batch ends once `size` rows have come (and the rows the driver already holds): only the last is short.
      expect(batched.batches.slice(0, -1).every((rows) => rows >= size)).toBe(true)
      expect(batched.batches.length).toBeLessThanOrEqual(Math.ceil(count / size))
    }
  })

  it('reads a JSON string as its text and anything else as JSON: escapes, numbers, objects and JSON null', () => {
    expect(exportValue(['"plain"'], 0)).toBe('plain')
    expect(exportValue(['"say \\"hi\\"\\n"'], 0)).toBe('say "hi"\n')
    expect(exportValue(['"\\u0000x"'], 0)).toBe('\u0000x')
    expect(exportValue(['""'], 0)).toBe('')
    expect(exportValue(['12.50'], 0)).toBe(12.5)
    expect(exportValue(['{"a": [1, "b"]}'], 0)).toEqual({ a: [1, 'b'] })
    expect(exportValue(['null'], 0)).toBeNull()
    expect(exportValue([null], 0)).toBeNull()
  })

  it('refuses a request it cannot run with 400 before sending any CSV', async () => {
    for (const body of [
      {},
      { columns: [] },
      { columns: [{ key: '__proto__', label: 'x' }] },
      { columns, query: { from: 'last week' } },
      { columns, query: { sort: { key: 'action', direction: 'up' } } },
      { columns, timeZone: 'Mars/Olympus' },
    ]) {
      const response = await call(handler, '/export', { tenant: 'acme', method: 'POST', body })
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ message: expect.any(String) })
    }
  })
})
