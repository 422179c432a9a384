// What each part of the events table costs an insert: COPY FROM STDIN of the same generated events into plain
// tables shaped like `audit_events`, each with some of its indexes, beside the store's own table (partitioned,
// with every index and the trigger that records ids), and with the trigram index swapped for the text indexes
// that could stand in for it. Events/s, median (min–max) of three rotated rounds on a fresh embedded
// PostgreSQL. Run on its own, after `vite build`: `node scripts/bench/ingestParts.mjs`. Printed, never asserted.
import { generateAuditEvents } from '../../dist/msw/index.js'
import { createPostgresStore } from '../../dist/server/index.js'
import { startEmbeddedPostgres } from '../../dist/server/embedded.js'
import { printTable } from './machine.mjs'
import { copyLines } from './ingest.mjs'
import { copyIn, spread } from './sql.mjs'

const COUNT = Number(process.env.BENCH_INGEST_EVENTS ?? 20_000)
const ROUNDS = 3

const postgres = await startEmbeddedPostgres()
const store = await createPostgresStore({ connectionString: postgres.url })
try {
  await store.migrate()
  const events = generateAuditEvents({ count: COUNT, seed: 11, tenants: ['bench'] }).map(({ tenantId: _tenant, ...event }) => event)
  const { rows: indexes } = await store.pool.query("select indexname, indexdef from pg_indexes where tablename = 'audit_events'")
  const named = (name) => indexes.filter((index) => index.indexname === name).map((index) => index.indexdef)
  const [keyset, chain, trigram] = ['audit_events_tenant_time', 'audit_events_chain', 'audit_events_search'].map(named)
  const filters = indexes.filter((index) => index.indexname.startsWith('audit_events_f_')).map((index) => index.indexdef)
  const tsvector = ["create index on audit_events using gin (tenant_id, to_tsvector('simple', search_text))"]
  const gist = ['create index on audit_events using gist (search_text gist_trgm_ops)']
  const variants = {
    'no index': [],
    'keyset and chain indexes': [...keyset, ...chain],
    [`and the ${filters.length} filter indexes`]: [...keyset, ...chain, ...filters],
    'and the trigram index (no ids trigger, not partitioned)': [...keyset, ...chain, ...filters, ...trigram],
    'the trigram index alone': trigram,
    "a full-text index alone (to_tsvector('simple'): words, no substrings)": tsvector,
    'a GiST trigram index alone': gist,
  }
  const tables = {}
  for (const [index, [name, definitions]] of Object.entries(variants).entries()) {
    const table = `bench_part_${index}`
    await store.pool.query(`create table ${table} (like audit_events including defaults)`)
    // Each definition names the parent; made here on the plain table, unnamed.
    for (const definition of definitions) {
      await store.pool.query(definition.replace(/^create (unique )?index \S* ?on (only )?(\S+\.)?audit_events /i, `create $1index on ${table} `))
    }
    tables[name] = table
  }
  tables['the store’s table: partitioned, every index, ids recorded'] = 'audit_events'
  const rates = Object.fromEntries(Object.keys(tables).map((name) => [name, []]))
  const names = Object.keys(tables)
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const name of [...names.slice(round), ...names.slice(0, round)]) {
      const tenant = `t${names.indexOf(name)}r${round}`
      const seconds = await copyIn(
        store.pool,
        `copy ${tables[name]} (tenant_id, id, created_at, data, search_text) from stdin (format csv)`,
        copyLines(events, tenant),
      )
      rates[name].push(COUNT / seconds)
    }
  }
  printTable(
    `COPY of ${COUNT.toLocaleString('en')} events into a table with (events/s, median (min–max) of ${ROUNDS} rounds)`,
    names.map((name) => [name, `${spread(rates[name]).text} events/s`, '', '']),
  )
} finally {
  await store.close()
  await postgres.stop()
}
