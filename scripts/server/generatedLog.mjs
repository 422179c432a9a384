// Fills the server's database with the seeded generator's events (`generateAuditEvents`), once: for
// `npm run demo` and the server benchmark. Needs the built package (`dist/`).
import { generateAuditEvents } from '../../dist/msw/index.js'
import { migrate } from '../../dist/server/index.js'

/** The baseline's trigram index (see src/server/migrations/baseline.ts). */
const SEARCH_INDEX = 'create index if not exists audit_events_search on audit_events using gin (tenant_id, search_text gin_trgm_ops)'

export const TENANTS = ['acme', 'globex', 'initech']
const CHUNK = 20_000
const BATCH = 1000
/** A year of history, newest at the moment of seeding. */
const SPAN_DAYS = 365

/**
 * Seeds `count` events over `tenants` unless the database holds that many already (kept between runs).
 * The trigram index is dropped while seeding and built once at the end, which is several times faster than
 * keeping it up to date row by row.
 */
export async function seedGeneratedLog(store, { count, tenants = TENANTS, onProgress = () => {} }) {
  const { rows } = await store.pool.query('select count(*)::int as n from audit_events')
  const existing = rows[0]?.n ?? 0
  if (existing >= count) return { seeded: false, count: existing }
  if (existing > 0) {
    // A partial seed from an interrupted run: events are append-only, so the guards (on the table and on each
    // monthly partition) are lifted for the reset, on one connection, as the superuser the bench runs as.
    const client = await store.pool.connect()
    try {
      await client.query('set session_replication_role = replica')
      await client.query('truncate audit_events, audit_event_ids, audit_chain_heads')
    } finally {
      await client.query('reset session_replication_role')
      client.release()
    }
  }
  await store.pool.query('drop index if exists audit_events_search')
  const end = Date.now()
  const chunks = Math.ceil(count / CHUNK)
  const spanPerChunk = SPAN_DAYS / chunks
  let written = 0
  for (let index = 0; index < chunks; index += 1) {
    const events = generateAuditEvents({
      count: Math.min(CHUNK, count - index * CHUNK),
      seed: index + 1,
      end: end - index * spanPerChunk * 86_400_000,
      spanDays: spanPerChunk,
      tenants,
    })
    const batches = []
    for (const tenant of tenants) {
      const mine = events.filter((event) => event.tenantId === tenant)
      for (let start = 0; start < mine.length; start += BATCH) batches.push([tenant, mine.slice(start, start + BATCH)])
    }
    // Two at a time: the database works on one batch while the next is prepared.
    for (let start = 0; start < batches.length; start += 2) {
      await Promise.all(batches.slice(start, start + 2).map(([tenant, batch]) => store.ingest(tenant, batch)))
    }
    written += events.length
    onProgress({ written, count, phase: 'events' })
  }
  onProgress({ written, count, phase: 'index' })
  // The index in one go, with room to sort in memory.
  const client = await store.pool.connect()
  try {
    await client.query("set maintenance_work_mem = '512MB'")
    // The migrations are recorded as applied: the dropped index is made again by its own statement.
    await client.query(SEARCH_INDEX)
    await migrate(client)
    await client.query('analyze audit_events')
  } finally {
    client.release()
  }
  return { seeded: true, count: written }
}
