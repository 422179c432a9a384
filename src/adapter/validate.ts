import type { AuditEvent, AuditPage } from '../core/types'
import { AuditLogsError } from './errors'

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value)
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string "${value.slice(0, 40)}"`
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function malformed(problem: string, source: string): AuditLogsError {
  return new AuditLogsError(
    'malformed-response',
    `The audit-log response is malformed: ${problem}. ${source} is probably wrong.`,
  )
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Checks one event; returns it, or a copy whose numeric id became a string. */
function checkEvent(value: unknown, at: string, source: string): AuditEvent {
  if (!isPlainObject(value)) throw malformed(`${at} is ${describe(value)}, expected an event object`, source)
  const { id, createdAt } = value
  if (typeof createdAt !== 'string' && !(typeof createdAt === 'number' && Number.isFinite(createdAt))) {
    throw malformed(`${at}.createdAt is ${describe(createdAt)}, expected an ISO-8601 string or epoch milliseconds`, source)
  }
  if (typeof id === 'string' && id !== '') return value as AuditEvent
  if (typeof id === 'number' && Number.isFinite(id)) return { ...value, id: String(id), createdAt }
  throw malformed(`${at}.id is ${describe(id)}, expected a non-empty string`, source)
}

/**
 * Checks that an adapter's answer is a page of events, so a wrong shape becomes one clear error instead
 * of a crash or a half-drawn table. `source` names who is at fault in the message.
 */
export function validatePage(value: unknown, source = 'The adapter'): AuditPage {
  if (!isPlainObject(value)) throw malformed(`expected an object with an "events" array, got ${describe(value)}`, source)
  const { events, nextCursor, total } = value
  if (!Array.isArray(events)) throw malformed(`"events" is ${describe(events)}, expected an array`, source)
  if (nextCursor !== undefined && nextCursor !== null && typeof nextCursor !== 'string') {
    throw malformed(`"nextCursor" is ${describe(nextCursor)}, expected a string or null`, source)
  }
  if (total !== undefined && total !== null && !(typeof total === 'number' && Number.isSafeInteger(total) && total >= 0)) {
    throw malformed(`"total" is ${describe(total)}, expected a whole number`, source)
  }
  const checked = events.map((event, index) => checkEvent(event, `events[${index}]`, source))
  const page: AuditPage = { events: checked, nextCursor: nextCursor ?? null }
  if (typeof total === 'number') page.total = total
  return page
}

/** Checks a single event (the answer of `getEvent`). */
export function validateEvent(value: unknown, source = 'The adapter'): AuditEvent {
  return checkEvent(value, 'the event', source)
}
