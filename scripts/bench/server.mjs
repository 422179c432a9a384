// Server figures: react-audit-logs/server over HTTP (node:http) on the embedded PostgreSQL, seeded once with
// 1,000,000 generated events over three tenants (kept in .demo-data/, shared with `npm run demo`). Latencies
// are medians of five requests by one client; printed, never asserted.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'

import { createAuditLogHandler, createPostgresStore, toNodeListener } from '../../dist/server/index.js'
import { startEmbeddedPostgres } from '../../dist/server/embedded.js'
import { DEMO_DATA_DIR } from '../server/dataDir.mjs'
import { seedGeneratedLog, TENANTS } from '../server/generatedLog.mjs'
import { mb, ms, verdict } from './machine.mjs'
import { copyOut, spread } from './sql.mjs'

/** The export streams in batches: what it adds to the server's memory must not grow with the row count. */
const EXPORT_RSS_BUDGET = 50 * 2 ** 20

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

/**
 * `SERVER_BENCH_TENANTS` (comma-separated) seeds every event into those tenants instead of three, e.g. `acme` for
 * ten million events in one tenant. A database of another size or tenants than the demo's is kept beside it.
 */
const tenantsOption = process.env.SERVER_BENCH_TENANTS?.split(',').filter(Boolean)

export async function serverFigures({ count = Number(process.env.SERVER_BENCH_N ?? process.env.BENCH_SERVER_EVENTS ?? 1_000_000) } = {}) {
  const tenants = tenantsOption?.length ? tenantsOption : TENANTS
  const own = count !== 1_000_000 || tenants !== TENANTS
  const postgres = await startEmbeddedPostgres({ dataDir: own ? `${DEMO_DATA_DIR}-${String(count)}-${tenants.join('-')}` : DEMO_DATA_DIR })
  const store = await createPostgresStore({ connectionString: postgres.url })
  try {
    await store.migrate()
    const seeded = await seedGeneratedLog(store, {
      count,
      tenants,
      onProgress: ({ written, phase }) =>
        process.stderr.write(
          phase === 'index' ? '\nbuilding the search index…\n' : `\rseeding ${written.toLocaleString('en')} / ${count.toLocaleString('en')}`,
        ),
    })
    // Counted up to 10,000 on a first page, as docs/server.md advises for tenants of millions (the exact count is
    // timed apart, with ?count=exact).
    const handler = createAuditLogHandler({ store, cursorSecret: randomBytes(32), resolveTenant: () => 'acme', countLimit: 10_000 })
    const server = createServer(toNodeListener(handler))
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${server.address().port}/api/audit-logs`
    try {
      const timed = async (path) => {
        const start = performance.now()
        const response = await fetch(`${base}${path}`)
        const body = await response.json()
        return { time: performance.now() - start, body }
      }
      const times = async (path) => {
        await timed(path)
        const runs = []
        for (let run = 0; run < 5; run += 1) runs.push((await timed(path)).time)
        return median(runs)
      }
      const first = await timed('/events?limit=50')
      const counted = (body) => (body.total !== undefined ? body.total.toLocaleString('en') : `at least ${body.totalAtLeast.toLocaleString('en')}`)
      const total = counted(first.body)
      const firstPage = await times('/events?limit=50')
      const exactPage = await times('/events?limit=50&count=exact')
      const exactTotal = (await timed('/events?limit=50&count=exact')).body.total
      // Raw SQL doing the same work on the same database, same run: the page (51 rows) and the count up to 10,001.
      const sqlTimes = async (statements) => {
        const once = async () => {
          const start = performance.now()
          await Promise.all(statements.map(([text, values]) => store.pool.query(text, values)))
          return performance.now() - start
        }
        await once()
        const runs = []
        for (let run = 0; run < 5; run += 1) runs.push(await once())
        return median(runs)
      }
      const ORDER = 'order by created_at desc, id desc limit 51'
      const rawPage = (where, values = []) => [
        [`select data from audit_events where tenant_id = 'acme' and ${where} ${ORDER}`, values],
        [`select count(*) from (select 1 from audit_events where tenant_id = 'acme' and ${where} limit 10001) as matches`, values],
      ]
      const rawFirst = await sqlTimes(rawPage('true'))
      const rawSearch = await sqlTimes(rawPage(`search_text like '%priya%' and search_text like '%invoice%'`))
      const rawFilter = await sqlTimes(rawPage(`lower(data->>'severity') = 'critical'`))
      // 300 pages of 1,000 deep, then a page of 50 from there.
      let cursor = first.body.nextCursor
      for (let page = 0; page < 300 && cursor; page += 1)
        cursor = (await timed(`/events?limit=1000&cursor=${encodeURIComponent(cursor)}`)).body.nextCursor
      const deepPage = await times(`/events?limit=50&cursor=${encodeURIComponent(cursor ?? '')}`)
      const searchPage = await times('/events?limit=50&search=priya%20invoice')
      const searchTotal = counted((await timed('/events?limit=50&search=priya%20invoice')).body)
      const filterPage = await times('/events?limit=50&filter.severity=critical')
      const filterTotal = counted((await timed('/events?limit=50&filter.severity=critical')).body)

      // Export: the library's streaming CSV over HTTP beside COPY (SELECT the same values) TO STDOUT WITH CSV,
      // three times each, alternating; rows/s as median and range.
      const keys = ['createdAt', 'severity', 'action', 'resource', 'user.name', 'user.email', 'ip', 'payload']
      const exportOnce = async () => {
        const start = performance.now()
        const response = await fetch(`${base}/export`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: {}, columns: keys.map((key) => ({ key, label: key })), timeZone: 'UTC' }),
        })
        let rows = -1
        let bytes = 0
        for await (const chunk of response.body) {
          bytes += chunk.length
          for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) rows += 1
        }
        return { rows, bytes, seconds: (performance.now() - start) / 1000 }
      }
      const copySql =
        `copy (select ${keys.map((key) => `data #>> '{${key.replace('.', ',')}}'`).join(', ')} from audit_events` +
        ` where tenant_id = 'acme' and created_at < now() order by created_at desc, id desc) to stdout with (format csv)`
      // The same export read from the handler's own stream, without an HTTP client in this process.
      const streamOnce = async () => {
        const start = performance.now()
        const response = await handler(
          new Request(`${base}/export`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: {}, columns: keys.map((key) => ({ key, label: key })), timeZone: 'UTC' }),
          }),
        )
        let rows = -1
        for await (const chunk of response.body) for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) rows += 1
        return rows / ((performance.now() - start) / 1000)
      }
      // Memory: this process is the server, its HTTP client and the COPY baseline, whose own buffers grow the RSS
      // (and stay counted once it has grown). So the export's growth is measured first, over one export before
      // any COPY; the alternating runs below then report the whole process.
      const sampleMemory = () => {
        const before = process.memoryUsage()
        const peak = { ...before }
        const timer = setInterval(() => {
          const now = process.memoryUsage()
          for (const key of ['rss', 'heapTotal', 'external']) peak[key] = Math.max(peak[key], now[key])
        }, 50)
        return () => {
          clearInterval(timer)
          const growth = peak.rss - before.rss
          const parts = `heap +${mb(peak.heapTotal - before.heapTotal)}, external +${mb(peak.external - before.external)}`
          return { growth, text: `${mb(before.rss)} → peak ${mb(peak.rss)} (+${mb(growth)}; ${parts})` }
        }
      }
      const exportAlone = sampleMemory()
      await exportOnce()
      const alone = exportAlone()
      const whole = sampleMemory()
      const ours = []
      const copies = []
      const streams = []
      let exported
      for (let run = 0; run < 3; run += 1) {
        exported = await exportOnce()
        ours.push(exported.rows / exported.seconds)
        const copied = await copyOut(store.pool, copySql)
        copies.push(copied.rows / copied.seconds)
        streams.push(await streamOnce())
      }
      const all = whole()
      const exportRate = spread(ours)
      const copyRate = spread(copies)
      const exportRatio = exportRate.median / copyRate.median
      const streamRate = spread(streams)
      const streamRatio = streamRate.median / copyRate.median
      return [
        ['events in the database', `${seeded.count.toLocaleString('en')} (${seeded.seeded ? 'seeded now' : 'kept from an earlier run'})`, '', ''],
        ['first page (50, with its count)', `${ms(firstPage)} (count: ${total})`, `raw SQL ${ms(rawFirst)}`, ''],
        ['first page, count=exact', `${ms(exactPage)} (total ${exactTotal.toLocaleString('en')})`, '', ''],
        ['deep page (50, 300,000 rows in)', ms(deepPage), '', ''],
        ['search page ("priya invoice")', `${ms(searchPage)} (count: ${searchTotal})`, `raw SQL ${ms(rawSearch)}`, ''],
        ['filter page (severity critical, indexed field)', `${ms(filterPage)} (count: ${filterTotal})`, `raw SQL ${ms(rawFilter)}`, ''],
        [
          `export (${exported.rows.toLocaleString('en')} rows × 8 columns, ${mb(exported.bytes)}; 3 runs)`,
          `${exportRate.text} rows/s`,
          '≥ 100,000 rows/s',
          verdict(exportRate.median >= 100_000),
        ],
        ['COPY (SELECT the same values) TO STDOUT WITH CSV, same run', `${copyRate.text} rows/s`, '', ''],
        ['export / COPY (medians)', `${exportRatio.toFixed(2)}×`, '≥ 0.5×', verdict(exportRatio >= 0.5)],
        ['export read from the handler (no HTTP client in this process)', `${streamRate.text} rows/s`, `${streamRatio.toFixed(2)}× COPY`, ''],
        ['server RSS during an export (one, before any COPY)', alone.text, `+${mb(EXPORT_RSS_BUDGET)}`, verdict(alone.growth <= EXPORT_RSS_BUDGET)],
        ['bench process RSS during the runs above (exports, COPY, handler reads)', all.text, '', ''],
      ]
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  } finally {
    await store.close()
    await postgres.stop()
  }
}
