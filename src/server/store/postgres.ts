import type { Pool, PoolConfig } from 'pg'

import type { AuditEvent, AuditField, AuditSearch, FieldValues, FieldValuesRequest } from '../../core/types'
import type { Histogram, HistogramRequest } from '../../core/histogram'
import { histogramFromRows, type HistogramRow, histogramStatement } from './histogramStatement'
import { type AuditEventInput, checkBatch, checkEvent, type EventRow } from '../ingest'
import { afterKey, orderBy, pathOf, searchConditions, sortPlan } from '../query'
import { migrate } from '../migrations'
import { Params } from '../sql'

export interface PostgresStoreOptions {
  /** A `postgres://` URL. Defaults to `process.env.DATABASE_URL`. Ignored when `pool` is given. */
  connectionString?: string
  /** Your own `pg` Pool (its size, TLS, timeouts). The store then leaves closing it to you. */
  pool?: Pool
  /** More `pg` pool settings when the store makes the pool. */
  poolConfig?: PoolConfig
}

/** One page as the store reads it: events and the keyset position after the last one. */
export interface StoredPage {
  events: AuditEvent[]
  /** The key of the last event, when more may follow. */
  nextKey: string[] | null
}

export interface PageRequest {
  search: AuditSearch
  limit: number
  /** The position to continue after (from a cursor). */
  after?: readonly string[]
}

export interface InsertResult {
  /** Ids of the events in the request, in order. */
  ids: string[]
  /** How many were new; the rest were stored before (same tenant and id). */
  inserted: number
}

export interface AuditLogStore {
  /** Creates the schema if it is not there yet (idempotent). */
  migrate(): Promise<void>
  /** A page of a tenant's events matching a search, after a keyset position. */
  listEvents(tenantId: string, request: PageRequest): Promise<StoredPage>
  /** How many of a tenant's events match a search. */
  countEvents(tenantId: string, search: AuditSearch): Promise<number>
  getEvent(tenantId: string, id: string): Promise<AuditEvent | null>
  /** The values of one field among a tenant's events of a search, with counts, most frequent first, ignoring case. */
  listFieldValues(tenantId: string, request: FieldValuesRequest): Promise<FieldValues>
  /** How many of a tenant's events of a search fall in each bucket between the edges, split by one field. */
  histogram(tenantId: string, request: HistogramRequest): Promise<Histogram>
  /** Stores checked events for a tenant; an id stored before is left as it was (idempotent). */
  insertEvents(tenantId: string, rows: readonly EventRow[]): Promise<InsertResult>
  /**
   * Checks and stores what a client sent for a tenant: one event or an array of up to 1,000 (the body of
   * `POST /events`); a 400 `HttpError` names the first problem.
   */
  ingest(tenantId: string, input: unknown): Promise<InsertResult>
  /** Records an event from the host's own code; the event names its tenant. */
  sendAudit(event: AuditEventInput): Promise<{ id: string; inserted: boolean }>
  loadFieldConfig(tenantId: string): Promise<AuditField[] | null>
  saveFieldConfig(tenantId: string, fields: readonly unknown[]): Promise<void>
  /** The underlying pool, for your own queries. */
  readonly pool: Pool
  /** Closes the pool when the store made it. */
  close(): Promise<void>
}

interface EventQueryRow {
  data: AuditEvent
  keys: string[]
}

/** The `select … where … order by … limit` of a page; shared by the list and the export. */
export function pageStatement(tenantId: string, request: PageRequest): { text: string; values: unknown[] } {
  const params = new Params()
  const sort = sortPlan(request.search.sort, params)
  const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(request.search, params)]
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
export function fieldValuesStatement(tenantId: string, request: FieldValuesRequest): { text: string; values: unknown[] } {
  const params = new Params()
  const value = `(data #> ${params.add(pathOf(request.key, 'The field'))}::text[])`
  const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(request.search, params)]
  const text =
    `select mode() within group (order by item.text) as value, count(distinct audit_events.id)::int8 as count` +
    ` from audit_events cross join lateral (select distinct element #>> '{}' as text from jsonb_array_elements(` +
    `case jsonb_typeof(${value}) when 'array' then ${value} else jsonb_build_array(${value}) end) as element` +
    ` where jsonb_typeof(element) in ('string', 'number', 'boolean') and element #>> '{}' <> '') as item` +
    ` where ${conditions.join(' and ')} group by lower(item.text) order by count desc, value limit ${params.add(request.limit + 1)}`
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

  const insertEvents = async (tenantId: string, rows: readonly EventRow[]): Promise<InsertResult> => {
    if (rows.length === 0) return { ids: [], inserted: 0 }
    const result = await pool.query(
      `insert into audit_events (tenant_id, id, created_at, data, search_text)
       select $1, * from unnest($2::text[], $3::timestamptz[], $4::jsonb[], $5::text[])
       on conflict (tenant_id, id) do nothing`,
      [
        tenantId,
        rows.map((row) => row.id),
        rows.map((row) => row.createdAt),
        rows.map((row) => JSON.stringify(row.data)),
        rows.map((row) => row.searchText),
      ],
    )
    return { ids: rows.map((row) => row.id), inserted: result.rowCount ?? 0 }
  }

  return {
    pool,
    migrate: () => migrate(pool),
    async listEvents(tenantId, request) {
      const statement = pageStatement(tenantId, request)
      const { rows } = await pool.query<EventQueryRow>(statement.text, statement.values)
      const more = rows.length > request.limit
      const page = more ? rows.slice(0, request.limit) : rows
      return { events: page.map((row) => row.data), nextKey: more ? (page[page.length - 1]?.keys ?? null) : null }
    },
    async countEvents(tenantId, search) {
      const params = new Params()
      const conditions = [`tenant_id = ${params.add(tenantId)}`, ...searchConditions(search, params)]
      const { rows } = await pool.query<{ count: string }>(
        `select count(*) as count from audit_events where ${conditions.join(' and ')}`,
        params.values,
      )
      return Number(rows[0]?.count ?? 0)
    },
    async getEvent(tenantId, id) {
      const { rows } = await pool.query<{ data: AuditEvent }>('select data from audit_events where tenant_id = $1 and id = $2', [tenantId, id])
      return rows[0]?.data ?? null
    },
    async listFieldValues(tenantId, request) {
      const statement = fieldValuesStatement(tenantId, request)
      const { rows } = await pool.query<{ value: string; count: string }>(statement.text, statement.values)
      const values = rows.slice(0, request.limit).map((row) => ({ value: row.value, count: Number(row.count) }))
      return { values, complete: rows.length <= request.limit }
    },
    async histogram(tenantId, request) {
      const statement = histogramStatement(tenantId, request)
      const { rows } = await pool.query<HistogramRow>(statement.text, statement.values)
      return histogramFromRows(request, rows)
    },
    insertEvents,
    ingest: (tenantId, input) => insertEvents(tenantId, checkBatch(input, tenantId)),
    async sendAudit(event) {
      if (typeof event.tenantId !== 'string' || event.tenantId === '') throw new TypeError('sendAudit: the event needs a "tenantId".')
      const row = checkEvent(event, event.tenantId, 'event')
      const result = await insertEvents(event.tenantId, [row])
      return { id: row.id, inserted: result.inserted === 1 }
    },
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
    },
    async close() {
      if (ownPool) await pool.end()
    },
  }
}
