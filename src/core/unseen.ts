import type { AuditEvent } from './types'

/**
 * The events whose ids `seen` does not hold yet, in order, adding their ids to it: how a log whose pages
 * overlap (offsets shifting under inserts) shows and exports each event once. One set lookup per event.
 */
export function takeUnseen<TEvent extends AuditEvent>(events: readonly TEvent[], seen: Set<string>): TEvent[] {
  const fresh: TEvent[] = []
  for (const event of events) {
    const size = seen.size
    seen.add(event.id)
    if (seen.size > size) fresh.push(event)
  }
  return fresh
}
