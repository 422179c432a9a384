import type { AuditEvent, AuditQuery } from '../../src/core/types'
import type { createMemoryAdapter } from '../../src/adapter/memoryAdapter'
import { signal } from './events'

/** The ids of events, in their order. */
export const ids = (events: AuditEvent[]): string[] => events.map((event) => event.id)

/** Every event a memory adapter answers for a query, walking its cursors to the end. */
export async function listAll(adapter: ReturnType<typeof createMemoryAdapter>, query: Omit<AuditQuery, 'cursor'>): Promise<AuditEvent[]> {
  const all: AuditEvent[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await adapter.listEvents({ ...query, ...(cursor ? { cursor } : {}) }, { signal: signal() })
    all.push(...page.events)
    if (!page.nextCursor) return all
    cursor = page.nextCursor
  }
}
