import { randomUUID } from 'node:crypto'

import { isInstantText, toEpochMs } from '../core/time'
import type { AuditEvent } from '../core/types'
import { badRequest } from './errors'

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
  data: AuditEvent
  searchText: string
}

export const MAX_BATCH = 1000
export const MAX_EVENT_BYTES = 256 * 1024
const MAX_ID = 256
const TEXT_PROPERTIES = ['action', 'severity', 'resource', 'module', 'result', 'ip', 'environment', 'locale'] as const

/**
 * Every string and number inside an event, lower-cased, one per line: what free text is matched against (as
 * the memory adapter does; a search term holds no whitespace, so it never spans two values). Walked with a
 * stack, so a deeply nested event costs no recursion.
 */
export function searchTextOf(event: unknown): string {
  const parts: string[] = []
  const pending: unknown[] = [event]
  while (pending.length > 0) {
    const value = pending.pop()
    if (typeof value === 'string') parts.push(value)
    else if (typeof value === 'number') parts.push(String(value))
    else if (typeof value === 'object' && value !== null) {
      const inner = Object.values(value)
      for (let index = inner.length - 1; index >= 0; index -= 1) pending.push(inner[index])
    }
  }
  return parts.join('\n').toLowerCase()
}

/**
 * Whether JSON text holds the escape `\\u<code>` (not a literal backslash before "u…"): JSON.stringify writes NUL
 * and unpaired surrogates this way, and PostgreSQL's jsonb refuses both.
 */
const escapes = (json: string, code: string): boolean => new RegExp(`(?<!\\\\)(?:\\\\\\\\)*\\\\u${code}`, 'i').test(json)

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

/** The time of an event as an instant PostgreSQL reads exactly (sub-millisecond digits kept). */
function createdAtOf(value: unknown, at: string, now: Date): { stored: string | number; instant: string } {
  if (value === undefined) return { stored: now.toISOString(), instant: now.toISOString() }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return { stored: value.toISOString(), instant: value.toISOString() }
  if (typeof value === 'string' && isInstantText(value)) return { stored: value, instant: value }
  if (typeof value === 'number' && toEpochMs(value) !== null) return { stored: value, instant: new Date(value).toISOString() }
  throw badRequest(`"${at}.createdAt" must be an ISO-8601 instant with a time zone (such as "2026-03-01T09:30:00Z") or epoch milliseconds.`)
}

/**
 * Checks one incoming event for a tenant and makes it a row: a plain object, an optional string id, a readable
 * time, the seed's properties of the right type, no `tenantId` of another tenant, no NUL characters (PostgreSQL
 * text cannot hold them) and at most 256 KiB of JSON. The stored event gets its id, time and tenant.
 */
export function checkEvent(input: unknown, tenantId: string, at: string, now = new Date()): EventRow {
  if (!isPlainObject(input)) throw badRequest(`"${at}" must be a JSON object.`)
  const { id = randomUUID(), tenantId: claimed = tenantId, user } = input
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID) throw badRequest(`"${at}.id" must be text of 1 to ${MAX_ID} characters.`)
  if (claimed !== tenantId) throw badRequest(`"${at}.tenantId" does not match the tenant of this request.`)
  if (typeof input.action !== 'string' || input.action === '') throw badRequest(`"${at}.action" is required and must be text.`)
  for (const name of TEXT_PROPERTIES) {
    if (input[name] !== undefined && typeof input[name] !== 'string') throw badRequest(`"${at}.${name}" must be text.`)
  }
  if (user !== undefined && !isPlainObject(user)) throw badRequest(`"${at}.user" must be an object.`)
  const time = createdAtOf(input.createdAt, at, now)
  const data: AuditEvent = { ...input, id, createdAt: time.stored, tenantId }
  const json = JSON.stringify(data)
  if (Buffer.byteLength(json) > MAX_EVENT_BYTES) throw badRequest(`"${at}" is larger than ${MAX_EVENT_BYTES / 1024} KiB of JSON.`)
  if (escapes(json, '0000')) throw badRequest(`"${at}" holds a NUL character, which cannot be stored.`)
  if (escapes(json, 'd[89a-f][0-9a-f]{2}')) throw badRequest(`"${at}" holds an unpaired UTF-16 surrogate, which is not text PostgreSQL stores.`)
  return { id, createdAt: time.instant, data, searchText: searchTextOf(data) }
}

/** Checks the body of `POST /events`: one event or an array of up to 1,000. */
export function checkBatch(body: unknown, tenantId: string, now = new Date()): EventRow[] {
  if (Array.isArray(body)) {
    if (body.length === 0 || body.length > MAX_BATCH) throw badRequest(`A batch must hold 1 to ${MAX_BATCH} events, got ${body.length}.`)
    return body.map((event, index) => checkEvent(event, tenantId, `events[${index}]`, now))
  }
  return [checkEvent(body, tenantId, 'event', now)]
}
