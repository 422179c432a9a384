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
type EmbeddedModule = typeof import('../../src/server/embedded')

/**
 * Events of tenant `acme` (100,000 by default: a hundred pages of 1,000, an export of 100,000+ rows), next to
 * 3,000 of `globex`; `SERVER_E2E_EVENTS` sets acme's count. With 100,000 the whole file took 105–174 s on
 * the 2-core machine while another CI run shared it (ingest 41–73 s, the walk under inserts 24–26 s, the
 * export 17–41 s); `SERVER_E2E_EVENTS=20000` runs in a fraction of that.
 */
const COUNT = Number(process.env.SERVER_E2E_EVENTS ?? 100_000)
const GLOBEX = 3000
const END = Date.now() - 60_000

let server: Server
let url = ''
let browser: Browser
let page: Page
let globexPage: Page
let db: pg.Client
let stopAll: () => Promise<void>
let globexKey = ''
let acmeKey = ''

beforeAll(async () => {
  if (!existsSync(`${DIST}server/index.js`)) throw new Error('The server end-to-end test needs the built package: run `npm run build` first.')
  const { createAuditLogHandler, createPostgresStore, toNodeListener } = (await import(`${DIST}server/index.js`)) as ServerModule
  const { startEmbeddedPostgres } = (await import(`${DIST}server/embedded.js`)) as EmbeddedModule
  const postgres = await startEmbeddedPostgres()
  const store = await createPostgresStore({ connectionString: postgres.url })
  await store.migrate()
  const handler = createAuditLogHandler({
    store,
    cursorSecret: 'e2e-cursor-secret-0123456789',
    resolveTenant: (request) => /^Bearer (\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? null,
    // Sessions read and configure; events are written by the services' ingest keys.
    authorize: (_request, { action }) => action !== 'ingest',
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

  // globex over HTTP in batches with its ingest key, as a host's services send them; acme's 100,000 through the
  // store's own ingest (the same checks as POST /events, without the HTTP round trips).
  globexKey = (await store.createIngestKey('globex', 'e2e producer')).key
  acmeKey = (await store.createIngestKey('acme', 'e2e producer')).key
  const started = Date.now()
  const globex = generateAuditEvents({ count: GLOBEX, tenants: ['globex'], seed: 6, end: END })
  for (let start = 0; start < globex.length; start += 1000) {
    const response = await fetch(`${url}/api/audit-logs/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${globexKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(globex.slice(start, start + 1000)),
    })
    if (response.status !== 201) throw new Error(`ingest answered ${response.status}: ${await response.text()}`)
  }
  const acme = generateAuditEvents({ count: COUNT, tenants: ['acme'], seed: 5, end: END })
  // Three batches at a time: the trigram index's upkeep is most of an insert's cost.
  for (let start = 0; start < acme.length; start += 3000) {
    const batches = [0, 1000, 2000].map((offset) => acme.slice(start + offset, start + offset + 1000)).filter((batch) => batch.length > 0)
    await Promise.all(batches.map((batch) => store.ingest('acme', batch)))
  }
  console.info(`server e2e: ingested ${COUNT} + ${GLOBEX} events in ${Date.now() - started} ms`)
  db = new pg.Client(postgres.url)
  await db.connect()
  browser = await launchChromium()
  page = await signedInPage('acme')
  globexPage = await signedInPage('globex')
  stopAll = async () => {
    await browser.close()
    await db.end()
    await new Promise((resolve) => server.close(resolve))
    await store.close()
    await postgres.stop()
  }
}, 240_000)

afterAll(() => stopAll())

/** The server page in a context of its own, signed in as a tenant. */
async function signedInPage(tenant: string): Promise<Page> {
  const opened = await downloadingPage(browser)
  await opened.goto(`${url}/`)
  await opened.evaluate((name) => {
    ;(window as unknown as { sessionTenant: string }).sessionTenant = name
  }, tenant)
  return opened
}

type Called = { ok: true; value: unknown } | { ok: false; status: number | null; message: string }
/** An adapter method run in a page, with an optional `x-tenant-id` header. */
const callAdapter = (on: Page, method: string, args: unknown[], tenantHeader?: string): Promise<Called> =>
  on.evaluate(
    ([name, values, header]) =>
      (window as unknown as { callAdapter: (method: string, args: unknown[], header?: string) => Promise<Called> }).callAdapter(name, values, header),
    [method, args, tenantHeader] as const,
  )

const pageThrough = (on: Page, search: object, limit: number, between = false): Promise<{ ids: string[]; totals: number[] }> =>
  on.evaluate(
    ([query, size, hook]) =>
      (
        window as unknown as { pageThrough: (search: object, limit: number, between: boolean) => Promise<{ ids: string[]; totals: number[] }> }
      ).pageThrough(query, size, hook),
    [search, limit, between] as const,
  )

const sqlEvents = async (where = 'true', values: unknown[] = []): Promise<AuditEvent[]> =>
  (
    await db.query<{ data: AuditEvent }>(
      `select data from audit_events where tenant_id = 'acme' and ${where} order by created_at desc, id desc`,
      values,
    )
  ).rows.map((row) => row.data)

describe('the built fetch adapter in Chromium against react-audit-logs/server on PostgreSQL', () => {
  it("pages through the tenant's whole log while events arrive, each event once, in the order SQL gives", async () => {
    const initial = (await sqlEvents()).map((event) => event.id)
    expect(initial.length).toBeGreaterThanOrEqual(COUNT)
    const known = new Set(initial)
    const mustSee = new Set<string>()
    const arrived = new Set<string>()
    const newest = new Set<string>()
    let inserted = 0
    // After each page: 5 events newer than all, 5 late ones dated just before the last row shown (they belong
    // to the pages still to come) and 5 dated deep in the past; all POSTed as acme.
    await page.exposeFunction('betweenPages', async (lastCreatedAt: string | null, more: boolean) => {
      const batch = []
      for (let index = 0; index < 15; index += 1) {
        inserted += 1
        const id = `arrived_${inserted}`
        const kind = index % 3
        const createdAt =
          kind === 0 || lastCreatedAt === null
            ? new Date(Date.now() + inserted).toISOString()
            : kind === 1
              ? new Date(Date.parse(lastCreatedAt) - 1 - index).toISOString()
              : new Date(END - 40 * 86_400_000 - inserted * 1000).toISOString()
        if (kind === 1 && lastCreatedAt !== null && more) mustSee.add(id)
        if (kind === 0) newest.add(id)
        arrived.add(id)
        batch.push({ id, action: 'Login', severity: 'Info', createdAt, payload: { title: 'arrived while paging' } })
      }
      const response = await fetch(`${url}/api/audit-logs/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${acmeKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      })
      if (response.status !== 201) throw new Error(`ingest answered ${response.status}: ${await response.text()}`)
    })
    const { ids, totals } = await pageThrough(page, {}, 1000, true)

    expect(totals.length).toBeGreaterThanOrEqual(COUNT / 1000)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.filter((id) => known.has(id))).toEqual(initial)
    expect(ids.filter((id) => !known.has(id) && !arrived.has(id))).toEqual([])
    expect(mustSee.size).toBeGreaterThan(300)
    const seen = new Set(ids)
    expect([...mustSee].filter((id) => !seen.has(id))).toEqual([])
    // Nothing newer than the first page showed up on a later one.
    expect(ids.filter((id) => newest.has(id))).toEqual([])
    // The total is the first page's count, carried by the cursor.
    expect(new Set(totals)).toEqual(new Set([initial.length]))
    expect((await sqlEvents()).length).toBe(initial.length + inserted)
  }, 240_000)

  it('answers a search with filters, a sort and a range as SQL does', async () => {
    const from = new Date(END - 20 * 86_400_000).toISOString()
    const to = new Date(END - 5 * 86_400_000).toISOString()
    const search = { search: 'portal', filters: { severity: ['info', 'HIGH'] }, sort: { key: 'action', direction: 'desc' }, from, to }
    const { ids, totals } = await pageThrough(page, search, 1000)
    const { rows } = await db.query<{ id: string }>(
      `select id from audit_events where tenant_id = 'acme' and created_at >= $1 and created_at < $2
         and search_text like '%portal%' and lower(data->>'severity') in ('info', 'high')
       order by data->>'action' desc, created_at desc, id desc`,
      [from, to],
    )
    expect(rows.length).toBeGreaterThan(1000)
    expect(ids).toEqual(rows.map((row) => row.id))
    expect(new Set(totals)).toEqual(new Set([rows.length]))
  }, 120_000)

  it('keeps tenants apart by id, cursor and header, whatever tenant the client names', async () => {
    const [acmeEvent] = await sqlEvents()
    const acmeId = acmeEvent?.id ?? ''
    expect(await callAdapter(page, 'getEvent', [acmeId])).toMatchObject({ ok: true, value: { id: acmeId, tenantId: 'acme' } })
    for (const header of [undefined, 'acme']) {
      expect(await callAdapter(globexPage, 'getEvent', [acmeId], header)).toMatchObject({ ok: false, status: 404 })
    }
    const first = await callAdapter(page, 'listEvents', [{ limit: 10 }])
    const cursor = first.ok ? (first.value as { nextCursor: string }).nextCursor : ''
    expect(cursor).toEqual(expect.any(String))
    for (const header of [undefined, 'acme']) {
      const answer = await callAdapter(globexPage, 'listEvents', [{ limit: 10, cursor }], header)
      expect(answer).toMatchObject({ ok: false, status: 400 })
      expect(answer.ok ? '' : answer.message).toMatch(/cursor/)
    }
    // globex's own list, even naming acme in the header and a filter, holds globex's events only.
    const own = await callAdapter(globexPage, 'listEvents', [{ limit: 1000, filters: { tenantId: ['globex'] } }], 'acme')
    const ownPage = own.ok ? (own.value as { events: AuditEvent[]; total: number }) : { events: [], total: -1 }
    expect(ownPage.total).toBe(GLOBEX)
    expect(new Set(ownPage.events.map((event) => event.tenantId))).toEqual(new Set(['globex']))
    const named = await callAdapter(globexPage, 'listEvents', [{ limit: 10, filters: { tenantId: ['acme'] } }], 'acme')
    expect(named).toMatchObject({ ok: true, value: { events: [], total: 0 } })
  })

  it('reads the data structure one viewer saved in a second viewer of the tenant, and not in another tenant', async () => {
    const fields = [
      { key: 'action', label: 'What', shown: true },
      { key: 'payload.title', label: 'Title', custom: true, exported: false },
    ]
    expect(await callAdapter(page, 'saveFieldConfig', [fields], 'globex')).toEqual({ ok: true, value: null })
    const second = await signedInPage('acme')
    expect(await callAdapter(second, 'loadFieldConfig', [])).toEqual({ ok: true, value: fields })
    expect(await callAdapter(globexPage, 'loadFieldConfig', [], 'acme')).toEqual({ ok: true, value: [] })
    await second.context().close()
  })

  it("downloads a server export of the tenant's whole log whose rows equal SQL, as the browser export writes them", async () => {
    const request = {
      query: {},
      columns: defaultFields.map(({ key, label }) => ({ key, label })),
      timeZone: 'America/New_York',
      fileName: 'acme.csv',
    }
    // No events arrive during the export: SQL at its start is what it must hold.
    const expected = await sqlEvents()
    expect(expected.length).toBeGreaterThan(COUNT)
    const downloaded = page.waitForEvent('download', { timeout: 150_000 })
    await page.evaluate((body) => (window as unknown as { download: (request: object) => Promise<number> }).download(body), request)
    const download = await downloaded
    expect(download.suggestedFilename()).toBe('acme.csv')
    const { bom, rows } = await readCsvDownload(download)
    expect(bom).toBe(true)

    const writer = createCsvWriter({ fields: defaultFields, unparse: Papa.unparse, timeZone: 'America/New_York' })
    const text = writer.header().slice(1) + writer.rows(expected).text
    const wanted = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true }).data
    expect(rows).toHaveLength(expected.length + 1)
    // Row by row, so a difference names its row instead of diffing 100,000 of them.
    const differing = rows.findIndex((row, index) => row.join('\u0000') !== wanted[index]?.join('\u0000'))
    expect(differing === -1 ? null : { index: differing, got: rows[differing], wanted: wanted[differing] }).toBeNull()
  }, 240_000)
})
