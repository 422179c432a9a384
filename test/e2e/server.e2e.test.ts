import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { fileURLToPath } from 'node:url'

import Papa from 'papaparse'
import pg from 'pg'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createCsvWriter } from '../../src/core/csv'
import { defaultFields } from '../../src/core/fields'
import type { AuditEvent } from '../../src/core/types'
import { generateAuditEvents } from '../../src/msw/generateEvents'
import { downloadingPage, launchChromium, readCsvDownload } from './browser'

// The built server, as a host installs it (`npm run build` first; `.ci/run` does).
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
const PAGE = fileURLToPath(new URL('./server-page/', import.meta.url))
type ServerModule = typeof import('../../src/server/index')

/**
 * Events in the database: 20,000 (about 10,000 for the tenant: ten pages of 1,000, an export of several
 * batches). The whole file took 17 s with 20,000 and 63 s with 100,000 here (mostly ingest over HTTP), so CI
 * runs 20,000; `SERVER_E2E_EVENTS=100000` runs the larger log.
 */
const COUNT = Number(process.env.SERVER_E2E_EVENTS ?? 20_000)

let server: Server
let url = ''
let browser: Browser
let page: Page
let db: pg.Client
let stopAll: () => Promise<void>

beforeAll(async () => {
  if (!existsSync(`${DIST}server/index.js`)) throw new Error('The server end-to-end test needs the built package: run `npm run build` first.')
  const { createAuditLogHandler, createPostgresStore, startEmbeddedPostgres, toNodeListener } = (await import(
    `${DIST}server/index.js`
  )) as ServerModule
  const postgres = await startEmbeddedPostgres()
  const store = await createPostgresStore({ connectionString: postgres.url })
  await store.migrate()
  const handler = createAuditLogHandler({
    store,
    cursorSecret: 'e2e-cursor-secret-0123456789',
    resolveTenant: (request) => /^Bearer (\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? null,
  })
  const api = toNodeListener(handler)
  const types: Record<string, string> = { js: 'text/javascript', html: 'text/html', map: 'application/json' }
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (path.startsWith('/api/')) {
      api(request, response)
      return
    }
    const file = path.startsWith('/dist/') ? `${DIST}${path.slice(6)}` : `${PAGE}${path === '/' ? 'index.html' : path.slice(1)}`
    if (path.includes('..') || !existsSync(file)) return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': `${types[file.split('.').pop() ?? ''] ?? 'text/plain'}; charset=utf-8` })
    response.end(readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`

  // Ingested over HTTP in batches, as a host's services send them.
  const events = generateAuditEvents({ count: COUNT, tenants: ['acme', 'globex'], seed: 5, end: Date.now() - 60_000 })
  for (const tenant of ['acme', 'globex']) {
    const mine = events.filter((event) => event.tenantId === tenant)
    for (let start = 0; start < mine.length; start += 1000) {
      const response = await fetch(`${url}/api/audit-logs/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tenant}`, 'content-type': 'application/json' },
        body: JSON.stringify(mine.slice(start, start + 1000)),
      })
      if (response.status !== 201) throw new Error(`ingest answered ${response.status}: ${await response.text()}`)
    }
  }
  db = new pg.Client(postgres.url)
  await db.connect()
  browser = await launchChromium()
  page = await downloadingPage(browser)
  await page.goto(`${url}/`)
  await page.evaluate(() => {
    ;(window as unknown as { sessionTenant: string }).sessionTenant = 'acme'
  })
  stopAll = async () => {
    await browser.close()
    await db.end()
    await new Promise((resolve) => server.close(resolve))
    await store.close()
    await postgres.stop()
  }
}, 180_000)

afterAll(() => stopAll())

const sqlEvents = async (where = 'true', values: unknown[] = []): Promise<AuditEvent[]> =>
  (
    await db.query<{ data: AuditEvent }>(
      `select data from audit_events where tenant_id = 'acme' and ${where} order by created_at desc, id desc`,
      values,
    )
  ).rows.map((row) => row.data)

describe('the built fetch adapter in Chromium against react-audit-logs/server on PostgreSQL', () => {
  it("pages through the tenant's whole log, each event once, in the order SQL gives", async () => {
    const { ids, totals } = await page.evaluate(
      (limit) =>
        (window as unknown as { pageThrough: (search: object, limit: number) => Promise<{ ids: string[]; totals: number[] }> }).pageThrough(
          {},
          limit,
        ),
      1000,
    )
    const expected = (await sqlEvents()).map((event) => event.id)
    expect(expected.length).toBeGreaterThan(COUNT / 3)
    expect(ids).toEqual(expected)
    expect(new Set(totals)).toEqual(new Set([expected.length]))
  })

  it('downloads a server export whose rows equal SQL, as the browser export writes them', async () => {
    const search = { search: 'portal', filters: { severity: ['info', 'high', 'critical'] } }
    const request = {
      query: search,
      columns: defaultFields.map(({ key, label }) => ({ key, label })),
      timeZone: 'America/New_York',
      fileName: 'acme.csv',
    }
    const downloaded = page.waitForEvent('download')
    await page.evaluate((body) => (window as unknown as { download: (request: object) => Promise<number> }).download(body), request)
    const download = await downloaded
    expect(download.suggestedFilename()).toBe('acme.csv')
    const { bom, rows } = await readCsvDownload(download)
    expect(bom).toBe(true)

    const expected = await sqlEvents(`search_text like '%portal%' and lower(data->>'severity') in ('info', 'high', 'critical')`)
    expect(expected.length).toBeGreaterThan(500)
    const writer = createCsvWriter({ fields: defaultFields, unparse: Papa.unparse, timeZone: 'America/New_York' })
    const text = writer.header().slice(1) + writer.rows(expected).text
    expect(rows).toEqual(Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data)
    expect(rows).toHaveLength(expected.length + 1)
  })
})
