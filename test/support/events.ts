import type { AuditEvent } from '../../src/core/types'

/** A small event for tests: a time, an id and whatever else a test needs. */
export function makeEvent(id: string, createdAt: string | number, extra: Record<string, unknown> = {}): AuditEvent {
  return { id, createdAt, ...extra }
}

/** `count` events one minute apart, newest last, ids `e0000`…, alternating severities. */
export function makeEvents(count: number, start = Date.UTC(2026, 0, 1)): AuditEvent[] {
  const severities = ['Info', 'Medium', 'High', 'Critical', 'Error']
  return Array.from({ length: count }, (_, index) =>
    makeEvent(`e${String(index).padStart(6, '0')}`, new Date(start + index * 60_000).toISOString(), {
      severity: severities[index % severities.length],
      action: index % 2 === 0 ? 'save' : 'delete',
      user: { name: `User ${index % 7}`, email: `user${index % 7}@example.com` },
    }),
  )
}

export const signal = (): AbortSignal => new AbortController().signal
