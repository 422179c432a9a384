import type { EventIntegrity, IntegrityProblem, IntegrityReport } from '../core/integrity'
import type { IntegrityProblemReason } from '../core/problems'
import { isInstantText } from '../core/time'
import { describe, isPlainObject } from './describeValue'
import { AuditLogsError } from './errors'

const malformed = (problem: string, source: string): AuditLogsError =>
  new AuditLogsError('malformed-response', `The integrity response is malformed: ${problem}. ${source} is probably wrong.`)

const REASONS: readonly IntegrityProblemReason[] = [
  'content-changed',
  'event-missing',
  'order-changed',
  'checkpoint-signature',
  'checkpoint-mismatch',
]
const STATES: ReadonlyArray<EventIntegrity['state']> = ['verified', 'altered', 'unchained', 'unknown']
const MAX_TEXT = 500

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
const isSeq = (value: unknown): value is number => isCount(value) && value >= 1

function checkProblem(value: unknown, source: string): IntegrityProblem {
  if (!isPlainObject(value)) throw malformed(`"problem" is ${describe(value)}, expected an object`, source)
  const { reason, seq, eventId, message } = value
  if (!REASONS.includes(reason as IntegrityProblemReason))
    throw malformed(`"problem.reason" is ${describe(reason)}, expected one of ${REASONS.join(', ')}`, source)
  if (!isSeq(seq)) throw malformed(`"problem.seq" is ${describe(seq)}, expected a sequence number`, source)
  if (eventId !== null && (typeof eventId !== 'string' || eventId === '' || eventId.length > MAX_TEXT)) {
    throw malformed(`"problem.eventId" is ${describe(eventId)}, expected an event id or null`, source)
  }
  // The viewer words the problem itself; the server's sentence is kept only as a short text.
  const text = typeof message === 'string' ? message.slice(0, MAX_TEXT) : ''
  return { reason: reason as IntegrityProblemReason, seq, eventId, message: text }
}

function checkEvent(value: unknown, source: string): EventIntegrity {
  if (!isPlainObject(value)) throw malformed(`"event" is ${describe(value)}, expected an object`, source)
  const { seq, hash, state } = value
  if (seq !== null && !isSeq(seq)) throw malformed(`"event.seq" is ${describe(seq)}, expected a sequence number or null`, source)
  if (hash !== null && (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)))
    throw malformed(`"event.hash" is ${describe(hash)}, expected 64 hex digits or null`, source)
  if (!STATES.includes(state as EventIntegrity['state']))
    throw malformed(`"event.state" is ${describe(state)}, expected one of ${STATES.join(', ')}`, source)
  return { seq, hash, state: state as EventIntegrity['state'] }
}

/**
 * Checks an answer of `verifyIntegrity`: counts are whole numbers, times are instants, a problem has a known
 * reason and a sequence number. An answer that cannot be read is one clear error, never a green "verified".
 */
export function validateIntegrity(value: unknown, source = 'The adapter'): IntegrityReport {
  if (!isPlainObject(value)) throw malformed(`expected an object, got ${describe(value)}`, source)
  const { verifiedThrough, events, unchained = 0, checkpoint = null, problem, event } = value
  let through: IntegrityReport['verifiedThrough'] = null
  if (verifiedThrough !== null) {
    if (!isPlainObject(verifiedThrough) || !isSeq(verifiedThrough.seq) || !isInstantText(verifiedThrough.createdAt)) {
      throw malformed(`"verifiedThrough" is ${describe(verifiedThrough)}, expected { seq, createdAt } or null`, source)
    }
    through = { seq: verifiedThrough.seq, createdAt: verifiedThrough.createdAt }
  }
  if (!isCount(events)) throw malformed(`"events" is ${describe(events)}, expected a whole number of at least 0`, source)
  if (!isCount(unchained)) throw malformed(`"unchained" is ${describe(unchained)}, expected a whole number of at least 0`, source)
  let signed: IntegrityReport['checkpoint'] = null
  if (checkpoint !== null) {
    if (!isPlainObject(checkpoint) || !isSeq(checkpoint.seq) || !isInstantText(checkpoint.signedAt) || typeof checkpoint.keyId !== 'string') {
      throw malformed(`"checkpoint" is ${describe(checkpoint)}, expected { seq, signedAt, keyId } or null`, source)
    }
    signed = { seq: checkpoint.seq, signedAt: checkpoint.signedAt, keyId: checkpoint.keyId.slice(0, MAX_TEXT) }
  }
  const report: IntegrityReport = { verifiedThrough: through, events, unchained, checkpoint: signed }
  if (problem !== undefined && problem !== null) report.problem = checkProblem(problem, source)
  if (event !== undefined) report.event = checkEvent(event, source)
  return report
}
