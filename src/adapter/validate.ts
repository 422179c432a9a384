import { isInstantText, looksLikeEpochSeconds, toEpochMs } from '../core/time'
import type { AuditEvent, AuditPage } from '../core/types'
import { unreadableEvent, unreadableProblem } from '../core/unreadable'
import { describe, isPlainObject } from './describeValue'
import { AuditLogsError } from './errors'

function malformed(problem: string, source: string): AuditLogsError {
  return new AuditLogsError('malformed-response', `The audit-log response is malformed: ${problem}. ${source} is probably wrong.`)
}

/** What is wrong with `id`, or `null`. */
function idProblem(id: unknown): string | null {
  if ((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id))) return null
  return `id is ${describe(id)}, expected a non-empty string`
}

/**
 * What is wrong with `createdAt`, or `null`: no time, a time that is not an instant (no zone, an impossible
 * date such as 2026-02-30), or epoch seconds given as milliseconds (an event in January 1970).
 */
function createdAtProblem(createdAt: unknown): string | null {
  if (typeof createdAt === 'number' && Number.isFinite(createdAt) && looksLikeEpochSeconds(createdAt)) {
    return `createdAt is ${describe(createdAt)}: as epoch milliseconds that is early 1970; it looks like epoch seconds (multiply by 1000 in the adapter)`
  }
  // Checked without parsing: every row's time is checked as it arrives.
  if (typeof createdAt === 'number' ? toEpochMs(createdAt) !== null : isInstantText(createdAt)) return null
  if (typeof createdAt === 'string') {
    return `createdAt is ${describe(createdAt)}, which is not an instant: expected ISO-8601 with a time zone (2026-11-23T08:00:00Z) on a real calendar day`
  }
  return `createdAt is ${describe(createdAt)}, expected an ISO-8601 string or epoch milliseconds`
}

/** The raw time of a row whose time cannot be read, as text: shown and exported as it came, never as a date. */
const rawTime = (createdAt: unknown): string => (typeof createdAt === 'string' ? createdAt : typeof createdAt === 'number' ? String(createdAt) : '')

/** The event, with a numeric id as a string, once `idProblem` said the id is usable. */
const withStringId = (value: Record<string, unknown>): AuditEvent =>
  (typeof value.id === 'string' ? value : { ...value, id: String(value.id) }) as AuditEvent

let unreadableCount = 0

/**
 * One row of a page: the event, or, when the row is not a readable event, a placeholder that keeps what
 * the row has and says what is wrong (see `unreadableProblem`), so one bad row does not cost the page.
 */
function checkRow(value: unknown, at: string): AuditEvent {
  if (!isPlainObject(value)) {
    unreadableCount += 1
    return unreadableEvent({ value }, `unreadable-${String(unreadableCount)}`, '', `${at} is ${describe(value)}, expected an event object`)
  }
  // Already checked (a fetch adapter checks its pages, the viewer checks every adapter's): its problem was said
  // of the value as it came, while its `createdAt` is now that value as text, which would be misnamed.
  if (unreadableProblem(value as AuditEvent) !== undefined) return value as AuditEvent
  const idIssue = idProblem(value.id)
  const timeIssue = createdAtProblem(value.createdAt)
  // The common case, checked without allocating: a sound event.
  if (idIssue === null && timeIssue === null) return withStringId(value)
  unreadableCount += 1
  const id = idIssue === null ? String(value.id) : `unreadable-${String(unreadableCount)}`
  const createdAt = timeIssue === null ? (value.createdAt as string | number) : rawTime(value.createdAt)
  const problem = [idIssue, timeIssue]
    .filter((issue) => issue !== null)
    .map((issue) => `${at}.${issue}`)
    .join('; ')
  return unreadableEvent(value, id, createdAt, problem)
}

/**
 * Checks that an adapter's answer is a page of events, so a wrong shape becomes one clear error instead
 * of a crash or a half-drawn table. `source` names who is at fault in the message. A row that is not a
 * readable event (no id, no time, not an object) does not fail the page: it becomes a placeholder row that
 * keeps its properties and carries the problem (`unreadableProblem`).
 */
export function validatePage(value: unknown, source = 'The adapter'): AuditPage {
  if (!isPlainObject(value)) throw malformed(`expected an object with an "events" array, got ${describe(value)}`, source)
  const { events, nextCursor, total, totalAtLeast } = value
  if (!Array.isArray(events)) throw malformed(`"events" is ${describe(events)}, expected an array`, source)
  if (nextCursor !== undefined && nextCursor !== null && typeof nextCursor !== 'string') {
    throw malformed(`"nextCursor" is ${describe(nextCursor)}, expected a string or null`, source)
  }
  if (total !== undefined && total !== null && !(typeof total === 'number' && Number.isSafeInteger(total) && total >= 0)) {
    throw malformed(`"total" is ${describe(total)}, expected a whole number`, source)
  }
  // Array.from visits the holes of a sparse array too (map would keep them as holes).
  const checked = Array.from(events as unknown[], (event, index) => checkRow(event, `events[${String(index)}]`))
  const page: AuditPage = { events: checked, nextCursor: nextCursor ?? null }
  if (typeof total === 'number') page.total = total
  // A bound only where there is no total, and only a whole number (anything else is no bound: never shown).
  else if (Number.isSafeInteger(totalAtLeast) && (totalAtLeast as number) > 0) page.totalAtLeast = totalAtLeast as number
  return page
}

/**
 * Checks a single event (the answer of `getEvent`): one that is not an object or has no id is an error; one
 * whose time cannot be read is marked as on a page.
 */
export function validateEvent(value: unknown, source = 'The adapter'): AuditEvent {
  if (!isPlainObject(value)) throw malformed(`the event is ${describe(value)}, expected an event object`, source)
  const problem = idProblem(value.id)
  if (problem !== null) throw malformed(`the event.${problem}`, source)
  return checkRow(value, 'the event')
}
