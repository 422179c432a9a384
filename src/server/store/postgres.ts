import type { Pool, PoolConfig } from 'pg'

import type { AuditEvent, AuditField, AuditSearch, FieldValuesRequest } from '../../core/types'
import { type AuditEventInput, checkBatchInTurns, checkEvent, type ClockTolerance, type EventRow } from '../ingest/checkEvent'
import { DEFAULT_SENSITIVE_NAMES } from '../../core/sensitive'
import { histogramFromRows, type HistogramRow, histogramStatement } from './histogramStatement'
import { afterKey, orderBy, pathOf, searchConditions, sortPlan } from '../query'
import { migrate } from '../migrations'
import { Params } from '../sql'
import { ingestKeys } from './ingestKeys'
import { savedViewStore } from './savedViews'
import { pipelinedAppender } from '../chain/pipelinedAppender'
import { createSendAuditBatcher } from './sendAuditBatcher'
import { type CheckpointOptions, type PublicKeys, signerOf, trustedKeys } from '../chain/checkpoint'
import { verifyChain } from '../chain/verifyChain'
import { verifyEvent } from '../chain/verifyEvent'
import { checkpointCovering } from '../chain/checkpointCovering'
import { MANIFEST_FORMAT, signManifest } from '../chain/exportManifest'
import { exportBatches } from './exportBatches'
import type { AuditLogStore, InsertResult, PageRequest } from '../storeTypes'
import { DEFAULT_FILTER_INDEXES, filterIndexes } from './filterIndexes'
import { partitionMaker } from './partitions'
import { retentionStore } from './retentionStore'

export interface PostgresStoreOptions {
  /** A `postgres://` URL. Defaults to `process.env.DATABASE_URL`. Ignored when `pool` is given. */
  connectionString?: string
  /** Your own `pg` Pool (its size, TLS, timeouts). The store then leaves closing it to you. */
  pool?: Pool
  /**
   * A pool on read replicas: lists, counts, exports, field values and the histogram read from it; writes,
   * the data structure, ingest keys and integrity checks stay on `pool`. A replica's lag shows in what these
   * reads see. The store leaves closing it to you.
   */
  readPool?: Pool
  /** More `pg` pool settings when the store makes the pool. */
  poolConfig?: PoolConfig
  /** How far an event's `createdAt` may be from the server's clock before it is marked. Defaults to 5 minutes ahead, any time behind. */
  clockTolerance?: ClockTolerance
  /**
   * Property names whose values are secrets wherever they appear in an event: hidden in every answer and
   * left out of free text. Defaults to `DEFAULT_SENSITIVE_NAMES` (password, token, apiKey, cookie, …); give
   * `[...DEFAULT_SENSITIVE_NAMES, 'ssn']` to extend it.
   */
  sensitiveNames?: readonly string[]
  /**
   * Signed checkpoints of every tenant's hash chain (Ed25519): publish the public key outside the database.
   * Defaults to none: the chain is kept, nothing is signed.
   */
  checkpoints?: CheckpointOptions
  /**
   * Fields whose filters an index serves (a GIN expression index each, made by `migrate`; fields the stored
   * data structure marks filterable are indexed when it is saved). Defaults to the filterable `defaultFields`.
   */
  filterIndexes?: readonly string[]
  /** Public keys by key id that integrity checks trust (rotated keys); the checkpoint key's own is added. */
  publicKeys?: PublicKeys
}

interface EventQueryRow {
  data: AuditEvent
  keys: string[]
}

/** The `select … where … order by … limit` of a page; shared by the list and the export. */
export function pageStatement(tenantId: string, request: PageRequest, indexed?: ReadonlySet<string>): { text: string; values: unknown[] } {
  const params = new Params()
  const sort = sortPlan(request.search.sort, params)
  const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(request.search, params, request.hidden, indexed)]
  if (request.after) conditions.push(afterKey(sort, request.after, params))
  const keys = `array[${sort.columns.map((column) => column.select).join(', ')}]`
  const text = `select data, ${keys} as keys from audit_events where ${conditions.join(' and ')} order by ${orderBy(sort)} limit ${params.add(request.limit + 1)}`
  return { text, values: params.values }
}

/**
 * The `select` of a field-values request: every text, number or boolean at the key (an array's items, each
 * once per event), grouped ignoring case and written as most events write it, with the number of events.
 * One more row than asked says whether more values exist.
 */
export function fieldValuesStatement(
  tenantId: string,
  request: FieldValuesRequest & { hidden?: readonly (readonly string[])[] },
): { text: string; values: unknown[] } {
  const params = new Params()
  const value = `(data #> ${params.add(pathOf(request.key, 'The field'))}::text[])`
  const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(request.search, params, request.hidden)]
  const text =
    `select mode() within group (order by item.text) as value, count(distinct audit_events.id)::int8 as count` +
    ` from audit_events cross join lateral (select distinct element #>> '{}' as text from jsonb_array_elements(` +
    `case jsonb_typeof(${value}) when 'array' then ${value} else jsonb_build_array(${value}) end) as element` +
    ` where jsonb_typeof(element) in ('string', 'number', 'boolean') and element #>> '{}' <> '') as item` +
    ` where ${conditions.join(' and ')} group by audit_fold(item.text) order by count desc, value limit ${params.add(request.limit + 1)}`
  return { text, values: params.values }
}

/**
 * The audit log on PostgreSQL through `pg`. Every statement is parameterised; every read names the tenant.
 */
export async function createPostgresStore(options: PostgresStoreOptions = {}): Promise<AuditLogStore> {
  const ownPool = options.pool === undefined
  let pool: Pool
  if (options.pool) pool = options.pool
  else {
    const { default: pg } = await import('pg')
    const connectionString = options.connectionString ?? process.env.DATABASE_URL
    if (!connectionString) throw new Error('createPostgresStore: give "connectionString" or "pool", or set DATABASE_URL.')
    pool = new pg.Pool({ connectionString, ...options.poolConfig })
    // An idle connection the server closes (a restart, a failover) is replaced on the next query; unheard,
    // its error would end the process.
    pool.on('error', () => undefined)
  }

  const reads = options.readPool ?? pool
  const keys = ingestKeys(pool)
  const filters = filterIndexes(pool)
  const sensitiveNames = options.sensitiveNames ?? DEFAULT_SENSITIVE_NAMES
  const checkOptions = () => ({
    now: new Date(),
    sensitiveNames,
    ...(options.clockTolerance ? { clockTolerance: options.clockTolerance } : {}),
  })
  const signer = options.checkpoints ? signerOf(options.checkpoints) : null
  const publicKeys = trustedKeys(options)

  const months = partitionMaker(pool)
  const appendLinked = pipelinedAppender(pool, signer)
  const append = async (tenantId: string, rows: readonly EventRow[]): Promise<string[]> => {
    await months.ensureFor(rows.map((row) => row.createdAt))
    return appendLinked(tenantId, rows)
  }
  const sendBatched = createSendAuditBatcher(append)

  const insertEvents = async (tenantId: string, rows: readonly EventRow[]): Promise<InsertResult> => {
    if (rows.length === 0) return { ids: [], inserted: 0 }
    const inserted = (await append(tenantId, rows)).length
    return { ids: rows.map((row) => row.id), inserted }
  }

  /** The matches of a search, or of its first `upTo` (the count then reads no further). */
  const countMatches = async (tenantId: string, search: AuditSearch, hidden?: readonly (readonly string[])[], upTo?: number): Promise<number> => {
    const params = new Params()
    const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(search, params, hidden, filters.indexed)]
    const matches = `select 1 from audit_events where ${conditions.join(' and ')}${upTo === undefined ? '' : ` limit ${params.add(upTo)}`}`
    const { rows } = await reads.query<{ count: string }>(`select count(*) as count from (${matches}) as matches`, params.values)
    return Number(rows[0]?.count ?? 0)
  }

  const sendAudit = async (event: AuditEventInput): Promise<{ id: string; inserted: boolean }> => {
    if (typeof event.tenantId !== 'string' || event.tenantId === '') throw new TypeError('sendAudit: the event needs a "tenantId".')
    const row = checkEvent(event, event.tenantId, 'event', checkOptions())
    return { id: row.id, inserted: await sendBatched(event.tenantId, row) }
  }
  // The store's own runs and changes are events of the tenant they concern, as the routes record theirs.
  const retention = retentionStore(pool, (tenantId, event) =>
    sendAudit({ tenantId, module: 'Audit logs', resource: 'Audit log', result: 'success', ...event }),
  )

  return {
    pool,
    readPool: reads,
    sensitiveNames,
    views: savedViewStore(pool),
    async migrate() {
      await migrate(pool)
      await months.start()
      await filters.load()
      await filters.ensure(options.filterIndexes ?? DEFAULT_FILTER_INDEXES)
    },
    indexFilters: (keys) => filters.ensure(keys),
    async listEvents(tenantId, request) {
      const statement = pageStatement(tenantId, request, filters.indexed)
      const { rows } = await reads.query<EventQueryRow>(statement.text, statement.values)
      const more = rows.length > request.limit
      const page = more ? rows.slice(0, request.limit) : rows
      return { events: page.map((row) => row.data), nextKey: more ? (page[page.length - 1]?.keys ?? null) : null }
    },
    exportEvents: (tenantId, request) => exportBatches(reads, tenantId, request, filters.indexed),
    async countEventsUpTo(tenantId, search, limit, hidden) {
      if (!Number.isFinite(limit)) return { count: await countMatches(tenantId, search, hidden), exact: true }
      const count = await countMatches(tenantId, search, hidden, limit + 1)
      return count > limit ? { count: limit, exact: false } : { count, exact: true }
    },
    countEvents: (tenantId, search, hidden) => countMatches(tenantId, search, hidden),
    async getEvent(tenantId, id) {
      // The id's time names the one partition to read.
      const { rows } = await pool.query<{ data: AuditEvent }>(
        `select e.data from audit_event_ids k join audit_events e on e.tenant_id = k.tenant_id and e.created_at = k.created_at and e.id = k.id
         where k.tenant_id = $1 and k.id = $2`,
        [tenantId, id],
      )
      return rows[0]?.data ?? null
    },
    async listFieldValues(tenantId, request) {
      const statement = fieldValuesStatement(tenantId, request)
      const { rows } = await reads.query<{ value: string; count: string }>(statement.text, statement.values)
      const values = rows.slice(0, request.limit).map((row) => ({ value: row.value, count: Number(row.count) }))
      return { values, complete: rows.length <= request.limit }
    },
    async histogram(tenantId, { hidden, ...request }) {
      const statement = histogramStatement(tenantId, request, hidden)
      const { rows } = await reads.query<HistogramRow>(statement.text, statement.values)
      return histogramFromRows(request, rows)
    },
    insertEvents,
    async exportManifest(tenantId, facts) {
      const checkpoint = facts.lastSeq === null ? null : await checkpointCovering(pool, tenantId, facts.lastSeq, signer)
      return signManifest({ format: MANIFEST_FORMAT, ...facts, tenantId, exportedAt: new Date().toISOString(), checkpoint }, signer)
    },
    verifyIntegrity: (tenantId, range = {}) =>
      range.eventId === undefined ? verifyChain(pool, tenantId, range, publicKeys) : verifyEvent(pool, tenantId, range.eventId, publicKeys),
    ingest: async (tenantId, input) => insertEvents(tenantId, await checkBatchInTurns(input, tenantId, checkOptions())),
    sendAudit,
    getRetention: (tenantId) => retention.get(tenantId),
    setRetention: (tenantId, change) => retention.set(tenantId, change),
    applyRetention: () => retention.apply(),
    createIngestKey: (tenantId, label) => keys.create(tenantId, label),
    listIngestKeys: (tenantId) => keys.list(tenantId),
    revokeIngestKey: (tenantId, id) => keys.revoke(tenantId, id),
    authenticateIngestKey: (key) => keys.authenticate(key),
    async loadFieldConfig(tenantId) {
      const { rows } = await pool.query<{ fields: AuditField[] }>('select fields from audit_field_configs where tenant_id = $1', [tenantId])
      return rows[0]?.fields ?? null
    },
    async saveFieldConfig(tenantId, fields) {
      await pool.query(
        `insert into audit_field_configs (tenant_id, fields) values ($1, $2::jsonb)
         on conflict (tenant_id) do update set fields = excluded.fields, updated_at = now()`,
        [tenantId, JSON.stringify(fields)],
      )
      // The fields it offers for filtering get their index, in the background (a build takes a while on a large table).
      const offered = fields.flatMap((field) =>
        typeof field === 'object' &&
        field !== null &&
        (field as { filterable?: unknown }).filterable === true &&
        typeof (field as { key?: unknown }).key === 'string'
          ? [(field as { key: string }).key]
          : [],
      )
      if (offered.length > 0) void filters.ensure(offered).catch(() => undefined)
    },
    async close() {
      if (ownPool) await pool.end()
    },
  }
}
