import { filterKeyOf, filterValueOf, type QueryCapabilities } from './queryable'
import { toEpochMs, toZonedIso } from './time'
import type { AuditEvent, AuditField, AuditSearch } from './types'

/** The moves of an investigation from one event. */
export type InvestigationMove = 'same-actor' | 'same-resource' | 'around'

/** How far "around this" reaches either side of the event. */
export const AROUND_MINUTES = 5

// Who acted and on what, most precise first: an email reads as a chip and identifies; an id identifies.
const ACTOR_KEYS = ['user.email', 'actor.email', 'user.id', 'actor.id', 'userId', 'actorId', 'user.name', 'actor.name', 'actor', 'user']
const RESOURCE_KEYS = ['resource.id', 'target.id', 'resourceId', 'targetId', 'resource', 'target', 'resource.name', 'target.name']

/** The filter a move sets: the first listed field the adapter filters by and the event has a plain value for. */
function filterFor<TEvent extends AuditEvent>(
  event: TEvent,
  fields: readonly AuditField<TEvent>[],
  capabilities: QueryCapabilities,
  keys: readonly string[],
): { key: string; value: string } | null {
  for (const wanted of keys) {
    const field = fields.find((candidate) => candidate.key === wanted)
    const key = field ? filterKeyOf(field, capabilities) : null
    const value = field && key !== null ? filterValueOf(field, event) : undefined
    if (key !== null && (typeof value === 'string' || typeof value === 'number') && String(value) !== '') return { key, value: String(value) }
  }
  return null
}

/** The search that keeps only a search's range and sort, with one field filter. */
function onlyFilter(search: AuditSearch, key: string, value: string): AuditSearch {
  const { from, to, sort } = search
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(sort ? { sort } : {}), filters: { [key]: [value] } }
}

/**
 * The searches an event's moves lead to, each one step: everything by the same actor or on the same resource
 * (in the current range, the text, filters and exclusions replaced by that one filter), or everything in the
 * minutes around it (`[t − 5 min, t + 5 min)` in the viewer's zone, nothing else narrowing). A move the event
 * cannot make (no actor field, no readable time) is absent.
 */
export function investigationMoves<TEvent extends AuditEvent>(
  event: TEvent,
  fields: readonly AuditField<TEvent>[],
  capabilities: QueryCapabilities,
  timeZone: string | undefined,
): Partial<Record<InvestigationMove, (search: AuditSearch) => AuditSearch>> {
  const moves: Partial<Record<InvestigationMove, (search: AuditSearch) => AuditSearch>> = {}
  const actor = filterFor(event, fields, capabilities, ACTOR_KEYS)
  if (actor) moves['same-actor'] = (search) => onlyFilter(search, actor.key, actor.value)
  const resource = filterFor(event, fields, capabilities, RESOURCE_KEYS)
  if (resource) moves['same-resource'] = (search) => onlyFilter(search, resource.key, resource.value)
  const time = toEpochMs(event.createdAt)
  if (time !== null) {
    const reach = AROUND_MINUTES * 60_000
    moves.around = ({ sort }) => ({ from: toZonedIso(time - reach, timeZone), to: toZonedIso(time + reach, timeZone), ...(sort ? { sort } : {}) })
  }
  return moves
}
