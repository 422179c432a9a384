// Quick export timing on the bench's seeded database (.demo-data), for iterating on the server export:
// the handler's stream vs COPY of the same values, alternating, RSS sampled. Needs `npm run bench` seeded once.
import { randomBytes } from 'node:crypto'

import { createAuditLogHandler, createPostgresStore } from '../../dist/server/index.js'
import { startEmbeddedPostgres } from '../../dist/server/embedded.js'
import { DEMO_DATA_DIR } from '../server/dataDir.mjs'
import { copyOut, spread } from './sql.mjs'

const runs = Number(process.env.RUNS ?? 3)
// ONLY=export or ONLY=copy runs one side alone: whose memory the RSS growth is.
const only = process.env.ONLY
const postgres = await startEmbeddedPostgres({ dataDir: DEMO_DATA_DIR })
const store = await createPostgresStore({ connectionString: postgres.url })
// The seeded database may predate a migration (the export records itself as an event).
await store.migrate()
const handler = createAuditLogHandler({ store, cursorSecret: randomBytes(32), resolveTenant: () => 'acme' })
const keys = ['createdAt', 'severity', 'action', 'resource', 'user.name', 'user.email', 'ip', 'payload']
const copySql =
  `copy (select ${keys.map((key) => `data #>> '{${key.replace('.', ',')}}'`).join(', ')} from audit_events` +
  ` where tenant_id = 'acme' and created_at < now() order by created_at desc, id desc) to stdout with (format csv)`
const cpu = []
const streamOnce = async () => {
  const start = performance.now()
  const used = process.cpuUsage()
  const response = await handler(
    new Request('http://x/api/audit-logs/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: {}, columns: keys.map((key) => ({ key, label: key })), timeZone: 'UTC' }),
    }),
  )
  let rows = -1
  for await (const chunk of response.body) for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) rows += 1
  const { user, system } = process.cpuUsage(used)
  // This process's CPU per row: what the export costs here, less moved by other load than the wall clock.
  cpu.push((user + system) / rows)
  return { rows, rate: rows / ((performance.now() - start) / 1000) }
}
try {
  const before = process.memoryUsage()
  const rssBefore = before.rss
  let rssPeak = rssBefore
  let heapPeak = before.heapTotal
  let externalPeak = before.external
  const sampler = setInterval(() => {
    const now = process.memoryUsage()
    rssPeak = Math.max(rssPeak, now.rss)
    heapPeak = Math.max(heapPeak, now.heapTotal)
    externalPeak = Math.max(externalPeak, now.external)
  }, 50)
  const ours = []
  const copies = []
  let rows = 0
  for (let run = 0; run < runs; run += 1) {
    if (only !== 'copy') {
      const streamed = await streamOnce()
      rows = streamed.rows
      ours.push(streamed.rate)
    }
    if (only !== 'export') {
      const copied = await copyOut(store.pool, copySql)
      copies.push(copied.rows / copied.seconds)
    }
  }
  clearInterval(sampler)
  const a = spread(ours)
  const b = spread(copies)
  console.log(
    `rows ${rows}; export ${a.text} rows/s; COPY ${b.text} rows/s; ratio ${(a.median / b.median).toFixed(2)}x; RSS +${((rssPeak - rssBefore) / 2 ** 20).toFixed(1)} MB (heap +${((heapPeak - before.heapTotal) / 2 ** 20).toFixed(1)}, external +${((externalPeak - before.external) / 2 ** 20).toFixed(1)}); CPU ${cpu.map((value) => value.toFixed(2)).join(', ')} µs/row`,
  )
} finally {
  await store.close()
  await postgres.stop()
}
