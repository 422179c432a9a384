import type { AuditEvent } from './types'

/** Marks an event the viewer could not fully read; the value says what was wrong. */
const UNREADABLE: unique symbol = Symbol('react-audit-logs.unreadable')

type Unreadable = AuditEvent & { [UNREADABLE]?: string }

/** What was wrong with an event the adapter returned, or `undefined` when it was fine. */
export function unreadableProblem(event: AuditEvent): string | undefined {
  return (event as Unreadable)[UNREADABLE]
}

/**
 * A stand-in for a row that is not an event: every property it has is kept (so nothing is lost and the
 * drawer shows it), with a usable `id` and `createdAt` and the problem attached under a symbol, which
 * JSON, CSV and the field lists never see.
 */
export function unreadableEvent(properties: Record<string, unknown>, id: string, createdAt: string | number, problem: string): AuditEvent {
  const event: Unreadable = { ...properties, id, createdAt }
  event[UNREADABLE] = problem
  return event
}
