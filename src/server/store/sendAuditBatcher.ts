import type { EventRow } from '../ingest/checkEvent'
import { MAX_BATCH } from '../ingest/checkEvent'

interface Waiting {
  row: EventRow
  resolve: (inserted: boolean) => void
  reject: (error: unknown) => void
}

/**
 * Group commit for `sendAudit`: calls for one tenant that arrive while its previous insert runs (or in the same
 * turn of the event loop) go to the database together, as one insert of up to 1,000 events, and each call
 * resolves once that insert committed, with whether its event was new. One insert per tenant runs at a time:
 * the tenant's chain head serialises them in the database anyway, so waiting here costs nothing and every
 * waiting caller shares the next transaction.
 */
export function createSendAuditBatcher(append: (tenantId: string, rows: readonly EventRow[]) => Promise<readonly string[]>) {
  const queues = new Map<string, Waiting[]>()

  const drain = async (tenantId: string, queue: Waiting[]): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH)
      try {
        const fresh = new Set(
          await append(
            tenantId,
            batch.map((waiting) => waiting.row),
          ),
        )
        // Within a batch the first of an id is the one stored.
        for (const waiting of batch) waiting.resolve(fresh.delete(waiting.row.id))
      } catch (error) {
        for (const waiting of batch) waiting.reject(error)
      }
    }
    queues.delete(tenantId)
  }

  return (tenantId: string, row: EventRow): Promise<boolean> =>
    new Promise<boolean>((resolve, reject) => {
      const queue = queues.get(tenantId)
      if (queue) {
        queue.push({ row, resolve, reject })
        return
      }
      const started: Waiting[] = [{ row, resolve, reject }]
      queues.set(tenantId, started)
      // The next turn, so the calls of this one (a request's handlers, a Promise.all) share the first insert.
      setImmediate(() => void drain(tenantId, started))
    })
}
