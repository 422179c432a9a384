import type { AuditEvent } from './types'

/** How an event is told apart: its `id` unless the host gives a better identity (`getId`). */
export type GetEventId<TEvent extends AuditEvent = AuditEvent> = (event: TEvent) => string

export const byId: GetEventId = (event) => event.id
