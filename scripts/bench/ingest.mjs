// Ingest figures: events/s of the library's ingest with the hash chain on (POST /events in batches of 1,000,
// and sendAudit under concurrent callers) and of the insert without the chain, beside raw COPY FROM STDIN into
// the same table with the same indexes, in one run on a fresh embedded PostgreSQL, three rounds (median and
// range). A COPY into a copy of the table without the trigram index shows what that index costs. Every method
// writes the same generated events (ids made unique per method and round) as a tenant of its own. Printed,
// never asserted.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'

import { generateAuditEvents } from '../../dist/msw/index.js'
import { createAuditLogHandler, createPostgresStore, toNodeListener } from '../../dist/server/index.js'
import { startEmbeddedPostgres } from '../../dist/server/embedded.js'
import { copyIn, spread } from './sql.mjs'

const COUNT = Number(process.env.BENCH_INGEST_EVENTS ?? 20_000)
const ROUNDS = 3
const BATCH = 1000
const CLIENTS = 4
const SENDERS = 64

/** What the server stores for an event (as `checkEvent` makes it): its JSON and its strings and numbers, lower-cased. */
function rowOf(event, id) {
  const data = { ...event, id }
  const parts = []
  const walk = (value) => {
    if (typeof value === 'string') parts.push(value)
    else if (typeof value === 'number') parts.push(String(value))
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) walk(inner)
  }
  walk(data)
  return { id, createdAt: new Date(data.createdAt).toISOString(), data, searchText: parts.join('\n').toLowerCase() }
}

const csvCell = (text) => `"${text.replaceAll('"', '""')}"`

/** The events as lines of a CSV `COPY (tenant_id, id, created_at, data, search_text)`, ids made the tenant's own. */
export const copyLines = (events, tenant) =>
  events.map((event) => {
    const row = rowOf(event, `${tenant}-${event.id}`)
    return `${tenant},${csvCell(row.id)},${row.createdAt},${csvCell(JSON.stringify(row.data))},${csvCell(row.searchText)}\n`
  })

/** Runs `work(batch)` over batches with `clients` of them in flight at once. */
async function inParallel(items, size, clients, work) {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const start = next
      next += size
      await work(items.slice(start, start + size))
    }
  }
  await Promise.all(Array.from({ length: clients }, worker))
}

async function rate(work) {
  const start = performance.now()
  await work()
  return COUNT / ((performance.now() - start) / 1000)
}

export async function ingestFigures() {
  const postgres = await startEmbeddedPostgres()
  const store = await createPostgresStore({ connectionString: postgres.url, poolConfig: { max: CLIENTS + 2 } })
  const events = generateAuditEvents({ count: COUNT, seed: 11, tenants: ['bench'] }).map(({ tenantId: _tenant, ...event }) => event)
  const handler = createAuditLogHandler({
    store,
    cursorSecret: randomBytes(32),
    resolveTenant: (request) => request.headers.get('x-bench-tenant'),
    // A producer's own session may write (without `authorize` a session only views and exports).
    authorize: () => true,
  })
  const server = createServer(toNodeListener(handler))
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${server.address().port}/api/audit-logs`
  try {
    await store.migrate()
    // The same table and indexes without the trigram index, to price it.
    await store.pool.query('create table bench_no_trigram (like audit_events including defaults including indexes)')
    const { rows: trigram } = await store.pool.query(
      "select indexname from pg_indexes where tablename = 'bench_no_trigram' and indexdef like '%gin_trgm_ops%'",
    )
    for (const { indexname } of trigram) await store.pool.query(`drop index ${indexname}`)

    const linesFor = (tenant) => copyLines(events, tenant)
    const methods = {
      // The physical baseline: COPY of rows prepared beforehand (not timed), one connection.
      copy: async (tenant) => {
        const lines = linesFor(tenant)
        return COUNT / (await copyIn(store.pool, 'copy audit_events (tenant_id, id, created_at, data, search_text) from stdin (format csv)', lines))
      },
      copyNoTrigram: async (tenant) => {
        const lines = linesFor(tenant)
        return (
          COUNT / (await copyIn(store.pool, 'copy bench_no_trigram (tenant_id, id, created_at, data, search_text) from stdin (format csv)', lines))
        )
      },
      // The insert without the chain (the statement ingest ran before it), batches of 1,000 on four connections.
      chainOff: async (tenant) => {
        const rows = events.map((event) => rowOf(event, `${tenant}-${event.id}`))
        return rate(() =>
          inParallel(rows, BATCH, CLIENTS, (batch) =>
            store.pool.query(
              `insert into audit_events (tenant_id, id, created_at, data, search_text)
               select $1, * from unnest($2::text[], $3::timestamptz[], $4::jsonb[], $5::text[])`,
              [
                tenant,
                batch.map((row) => row.id),
                batch.map((row) => row.createdAt),
                batch.map((row) => JSON.stringify(row.data)),
                batch.map((row) => row.searchText),
              ],
            ),
          ),
        )
      },
      // Chain on, over HTTP: POST /events with batches of 1,000 from four clients of one tenant (checked, chained).
      postEvents: (tenant) =>
        rate(() =>
          inParallel(
            events.map((event) => ({ ...event, id: `${tenant}-${event.id}` })),
            BATCH,
            CLIENTS,
            async (batch) => {
              const response = await fetch(`${base}/events`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-bench-tenant': tenant },
                body: JSON.stringify(batch),
              })
              if (response.status !== 201) throw new Error(`POST /events answered ${response.status}`)
            },
          ),
        ),
      // Chain on, sendAudit: 64 concurrent callers, one event per call (batched by the store).
      sendAudit: (tenant) =>
        rate(() => inParallel(events, 1, SENDERS, ([event]) => store.sendAudit({ ...event, id: `${tenant}-${event.id}`, tenantId: tenant }))),
    }
    const rates = Object.fromEntries(Object.keys(methods).map((name) => [name, []]))
    for (let round = 0; round < ROUNDS; round += 1) {
      // Rotated, so no method always meets the smallest table.
      const names = Object.keys(methods)
      const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)]
      for (const name of order) rates[name].push(await methods[name](`${name}${round}`))
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      const verified = await store.verifyIntegrity(`postEvents${round}`)
      if (verified.problem || verified.events !== COUNT) throw new Error(`the POST /events chain does not verify: ${JSON.stringify(verified)}`)
    }
    const figures = Object.fromEntries(Object.entries(rates).map(([name, values]) => [name, spread(values)]))
    const text = (name) => `${figures[name].text} events/s`
    const ratio = (name) => figures[name].median / figures.copy.median
    const against = (name, budget) => `${ratio(name).toFixed(2)}× COPY${budget ? (ratio(name) >= budget ? ' (≥ 0.8×)' : ' (below 0.8×)') : ''}`
    const label = COUNT.toLocaleString('en')
    return [
      [`raw COPY FROM STDIN, same table and indexes (${label} events a round, one connection)`, text('copy'), '', ''],
      [
        'raw COPY into the same table without the trigram index',
        text('copyNoTrigram'),
        `${(figures.copyNoTrigram.median / figures.copy.median).toFixed(2)}× COPY`,
        '',
      ],
      ['insert without the chain (batches of 1,000, 4 connections)', text('chainOff'), against('chainOff'), ''],
      ['POST /events, chain on (batches of 1,000, 4 clients)', text('postEvents'), against('postEvents', 0.8), ''],
      [`sendAudit, chain on (${SENDERS} concurrent callers)`, text('sendAudit'), against('sendAudit', 0.8), ''],
    ]
  } finally {
    server.close()
    await store.close()
    await postgres.stop()
  }
}

// Run on its own: `node scripts/bench/ingest.mjs` (after `vite build`).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./machine.mjs')
  printTable('Ingest (events/s: median (min–max) of three rounds)', await ingestFigures())
}
