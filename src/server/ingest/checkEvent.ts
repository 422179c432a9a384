import { randomUUID } from 'node:crypto'

import type { StoredMark } from '../../core/marks'
import { searchTextOf } from '../../core/searchText'
import { DEFAULT_SENSITIVE_NAMES, isSecretName } from '../../core/sensitive'
import { isInstantText, toEpochMs } from '../../core/time'
import type { AuditEvent } from '../../core/types'
import { invalid } from '../errors'
import { storableEvent } from './storable'

/** The properties of the seed products' events; any other property is kept as it is. */
export interface AuditEventInput {
  /** The idempotency key: sending the same id again for a tenant stores nothing new. Defaults to a random UUID. */
  id?: string
  /** An ISO-8601 instant with a zone, epoch milliseconds, or a Date. Defaults to now. */
  createdAt?: string | number | Date
  tenantId: string
  action: string
  severity?: 'Info' | 'Medium' | 'High' | 'Critical' | 'Error' | (string & {})
  resource?: string
  module?: string
  result?: 'success' | 'failed' | (string & {})
  user?: { id?: string; name?: string; email?: string; permissionId?: string; [key: string]: unknown }
  ip?: string
  environment?: string
  locale?: string
  payload?: unknown
  [key: string]: unknown
}

/** A checked event, ready to store. */
export interface EventRow {
  id: string
  createdAt: string
  receivedAt: string
  data: AuditEvent
  searchText: string
}

/** How far a producer's `createdAt` may be from the server's clock before the event is marked (never refused). */
export interface ClockTolerance {
  /** Ahead of the server. Defaults to 5 minutes. */
  aheadMs?: number
  /** Behind the server (queued, retried or backdated). Defaults to no limit: late delivery is normal. */
  behindMs?: number
}

export interface CheckOptions {
  /** The server's clock: the event's `receivedAt`. */
  now?: Date
  clockTolerance?: ClockTolerance
  /** Names whose values are secrets: left out of the event's free text. */
  sensitiveNames?: readonly string[]
}

export const MAX_BATCH = 1000
export const MAX_EVENT_BYTES = 256 * 1024
const MAX_ID = 256
const DEFAULT_AHEAD_MS = 5 * 60_000
const TEXT_PROPERTIES = ['action', 'severity', 'resource', 'module', 'result', 'ip', 'environment', 'locale'] as const
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** The time of an event as an instant PostgreSQL reads exactly (sub-millisecond digits kept). */
function createdAtOf(value: unknown, at: string, now: Date): { stored: string | number; instant: string } {
  if (value === undefined) return { stored: now.toISOString(), instant: now.toISOString() }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { stored: value.toISOString(), instant: value.toISOString() }
  if (typeof value === 'string' && isInstantText(value)) return { stored: value, instant: value }
  if (typeof value === 'number' && toEpochMs(value) !== null) return { stored: value, instant: new Date(value).toISOString() }
  throw invalid(`"${at}.createdAt" must be an ISO-8601 instant with a time zone (such as "2026-03-01T09:30:00Z") or epoch milliseconds.`)
}

/** A mark when the producer's clock and the server's disagree by more than the tolerance. */
function clockMark(createdAt: string, now: Date, tolerance: ClockTolerance = {}): StoredMark | null {
  const byMs = (toEpochMs(createdAt) ?? now.getTime()) - now.getTime()
  if (byMs > (tolerance.aheadMs ?? DEFAULT_AHEAD_MS)) return { path: 'createdAt', kind: 'clock-ahead', byMs }
  if (-byMs > (tolerance.behindMs ?? Number.POSITIVE_INFINITY)) return { path: 'createdAt', kind: 'clock-behind', byMs: -byMs }
  return null
}

/**
 * Checks one incoming event for a tenant and makes it a row. What the producer's code decides is checked and
 * refused with a 400 when wrong: a plain object, an optional text id, a readable time, the seed's properties
 * of the right type, no `tenantId` of another tenant. What an actor may have typed never keeps the event out:
 * text PostgreSQL cannot hold, very long values and deep nesting are stored in a marked form (`storableEvent`).
 * The stored event gets its id, time, tenant and the server's `receivedAt`.
 */
export function checkEvent(input: unknown, tenantId: string, at: string, options: CheckOptions = {}): EventRow {
  const now = options.now ?? new Date()
  if (!isPlainObject(input)) throw invalid(`"${at}" must be a JSON object.`)
  const { id = randomUUID(), tenantId: claimed = tenantId, user } = input
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID || UNSTORABLE.test(id)) {
    throw invalid(`"${at}.id" must be text of 1 to ${MAX_ID} characters, without NUL or lone surrogates.`)
  }
  if (claimed !== tenantId) throw invalid(`"${at}.tenantId" does not match the tenant of this request.`)
  if (typeof input.action !== 'string' || input.action === '') throw invalid(`"${at}.action" is required and must be text.`)
  for (const name of TEXT_PROPERTIES) {
    if (input[name] !== undefined && typeof input[name] !== 'string') throw invalid(`"${at}.${name}" must be text.`)
  }
  if (user !== undefined && !isPlainObject(user)) throw invalid(`"${at}.user" must be an object.`)
  const time = createdAtOf(input.createdAt, at, now)
  const receivedAt = now.toISOString()
  const { receivedAt: sentReceivedAt, marks: sentMarks, ...rest } = input
  const marks: StoredMark[] = []
  for (const [name, sent] of [
    ['receivedAt', sentReceivedAt],
    ['marks', sentMarks],
  ] as const) {
    if (Object.hasOwn(input, name)) marks.push({ path: name, kind: 'reserved', original: JSON.stringify(sent ?? null) })
  }
  const event: Record<string, unknown> = { ...rest, id, createdAt: time.stored, tenantId }
  event.receivedAt = receivedAt
  const clock = clockMark(time.instant, now, options.clockTolerance)
  if (clock) marks.push(clock)
  // Properties the server writes (`receivedAt`, `marks`): a producer's own values of them are kept in a `reserved` mark.
  const { data } = storableEvent(event, MAX_EVENT_BYTES, marks)
  const names = options.sensitiveNames ?? DEFAULT_SENSITIVE_NAMES
  return { id, createdAt: time.instant, receivedAt, data: data as AuditEvent, searchText: searchTextOf(data, (name) => isSecretName(name, names)) }
}

/** Checks the body of `POST /events`: one event or an array of up to 1,000, all or nothing. */
export function checkBatch(body: unknown, tenantId: string, options: CheckOptions = {}): EventRow[] {
  const checked = { ...options, now: options.now ?? new Date() }
  if (Array.isArray(body)) {
    if (body.length === 0 || body.length > MAX_BATCH) throw invalid(`A batch must hold 1 to ${MAX_BATCH} events, got ${body.length}.`)
    return body.map((event, index) => checkEvent(event, tenantId, `events[${index}]`, checked))
  }
  return [checkEvent(body, tenantId, 'event', checked)]
}
