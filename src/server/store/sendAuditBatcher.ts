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
 *
 * Back-pressure: at most `maxWaiting` events of a tenant wait for an insert; a call beyond that is held (in
 * arrival order) until an insert takes events from the queue, so a producer faster than the database slows to
 * its pace instead of filling the server's memory.
 */
export function createSendAuditBatcher(
  append: (tenantId: string, rows: readonly EventRow[]) => Promise<readonly string[]>,
  maxWaiting = 10 * MAX_BATCH,
) {
  const queues = new Map<string, Waiting[]>()
  /** Calls held for room, per tenant, in arrival order. */
  const held = new Map<string, Waiting[]>()

  const drain = async (tenantId: string, queue: Waiting[]): Promise<void> => {
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH)
      admit(tenantId)
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
    admit(tenantId)
  }

  const enqueue = (tenantId: string, waiting: Waiting): void => {
    const queue = queues.get(tenantId)
    if (queue) {
      queue.push(waiting)
      return
    }
    const started: Waiting[] = [waiting]
    queues.set(tenantId, started)
    // The next turn, so the calls of this one (a request's handlers, a Promise.all) share the first insert.
    setImmediate(() => void drain(tenantId, started))
  }

  /** Moves held calls into the queue while it has room. */
  const admit = (tenantId: string): void => {
    const waiting = held.get(tenantId)
    if (!waiting) return
    while (waiting.length > 0 && (queues.get(tenantId)?.length ?? 0) < maxWaiting) enqueue(tenantId, waiting.shift() as Waiting)
    if (waiting.length === 0) held.delete(tenantId)
  }

  const send = (tenantId: string, row: EventRow): Promise<boolean> =>
    new Promise<boolean>((resolve, reject) => {
      const waiting = { row, resolve, reject }
      const queued = held.get(tenantId)
      if (queued) queued.push(waiting)
      else if ((queues.get(tenantId)?.length ?? 0) >= maxWaiting) held.set(tenantId, [waiting])
      else enqueue(tenantId, waiting)
    })
  /** Events of a tenant queued for an insert (not held, not in the insert running). */
  const queued = (tenantId: string): number => queues.get(tenantId)?.length ?? 0
  return Object.assign(send, { queued })
}
