import type { EventIntegrity, IntegrityProblem, IntegrityReport, IntegrityRequest } from './integrity'
import { toEpochMs } from './time'
import type { AuditEvent } from './types'

/** An event's link in a chain kept beside events in memory: its id, place and hash (hex). */
export interface ChainLink {
  id: string
  seq: number
  hash: string
}

const GENESIS: Uint8Array = new Uint8Array(32)

const hex = (bytes: Uint8Array): string => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')

/**
 * The RFC 8785 text of an event as a JSON store keeps it (`undefined` dropped, a `Date` as its ISO text). The
 * canonicaliser loads on first use: only adapters that carry a chain need it.
 */
async function canonicalText(event: unknown): Promise<string> {
  const { default: canonicalize } = await import('canonicalize')
  const text = canonicalize(JSON.parse(JSON.stringify(event)) as unknown)
  if (text === undefined) throw new TypeError('This event has no JSON form to canonicalise.')
  return text
}

/** `SHA-256(previous ‖ RFC 8785 bytes of the event)` with Web Crypto: the server's link, in a browser. */
async function link(previous: Uint8Array, event: unknown): Promise<Uint8Array> {
  const body = new TextEncoder().encode(await canonicalText(event))
  const bytes = new Uint8Array(previous.length + body.length)
  bytes.set(previous)
  bytes.set(body, previous.length)
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
}

/** The hash chain of events in the order given (as the server would have stored them): for a memory adapter. */
export async function chainEvents(events: readonly AuditEvent[]): Promise<ChainLink[]> {
  const links: ChainLink[] = []
  let previous = GENESIS
  for (const [index, event] of events.entries()) {
    previous = await link(previous, event)
    links.push({ id: event.id, seq: index + 1, hash: hex(previous) })
  }
  return links
}

/** Where a chain breaks, walked once over events as they are now: the links that hold, then the first break. */
export interface ChainWalk {
  /** The links that verified, in order. */
  held: ReadonlyArray<{ seq: number; id: string; time: number }>
  problem?: IntegrityProblem
}

/** Walks `links` over the events as they are now (found by id): a link whose event is gone or changed breaks it. */
export async function walkChain(events: ReadonlyMap<string, AuditEvent>, links: readonly ChainLink[]): Promise<ChainWalk> {
  const held: Array<{ seq: number; id: string; time: number }> = []
  let previous = GENESIS
  for (const [index, entry] of links.entries()) {
    const event = events.get(entry.id)
    if (!event) {
      const next = links[index + 1]?.id ?? null
      return { held, problem: { reason: 'event-missing', seq: entry.seq, eventId: next, message: 'An event was removed from the log here.' } }
    }
    const computed = await link(previous, event)
    if (hex(computed) !== entry.hash) {
      return {
        held,
        problem: { reason: 'content-changed', seq: entry.seq, eventId: entry.id, message: 'This event was changed after it was stored.' },
      }
    }
    held.push({ seq: entry.seq, id: entry.id, time: toEpochMs(event.createdAt) ?? Number.NaN })
    previous = computed
  }
  return { held }
}

const inRange = (time: number, request: IntegrityRequest): boolean =>
  (request.from === undefined || time >= Date.parse(request.from)) && (request.to === undefined || time < Date.parse(request.to))

/**
 * The answer to an integrity request from a walk, as the server's: a range verifies through its last event (or
 * stops at the break before it); one event is `verified`, `altered` or `unknown` (after a break).
 */
export function reportOf(
  walk: ChainWalk,
  links: readonly ChainLink[],
  events: ReadonlyMap<string, AuditEvent>,
  request: IntegrityRequest,
): IntegrityReport {
  const chained = new Set(links.map((entry) => entry.id))
  if (request.eventId !== undefined) {
    const entry = links.find((candidate) => candidate.id === request.eventId)
    const held = entry ? walk.held.find((candidate) => candidate.seq === entry.seq) : undefined
    const state: EventIntegrity['state'] = !entry ? 'unchained' : held ? 'verified' : walk.problem?.seq === entry.seq ? 'altered' : 'unknown'
    const last = held ?? walk.held[walk.held.length - 1]
    const report: IntegrityReport = {
      verifiedThrough: last ? { seq: last.seq, createdAt: new Date(last.time).toISOString() } : null,
      events: held ? held.seq : walk.held.length,
      unchained: entry ? 0 : 1,
      checkpoint: null,
      event: { seq: entry?.seq ?? null, hash: entry?.hash ?? null, state },
    }
    return !held && walk.problem ? { ...report, problem: walk.problem } : report
  }
  const wanted = links.filter((entry) => {
    const event = events.get(entry.id)
    return event === undefined || inRange(toEpochMs(event.createdAt) ?? Number.NaN, request)
  })
  const lastSeq = wanted[wanted.length - 1]?.seq ?? 0
  const held = walk.held.filter((entry) => entry.seq <= lastSeq)
  const last = held[held.length - 1]
  const unchained = [...events.values()].filter(
    (event) => !chained.has(event.id) && inRange(toEpochMs(event.createdAt) ?? Number.NaN, request),
  ).length
  const report: IntegrityReport = {
    verifiedThrough: last ? { seq: last.seq, createdAt: new Date(last.time).toISOString() } : null,
    events: held.length,
    unchained,
    checkpoint: null,
  }
  return walk.problem && walk.problem.seq <= lastSeq ? { ...report, problem: walk.problem } : report
}
