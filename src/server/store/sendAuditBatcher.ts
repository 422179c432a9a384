import type { EventRow } from '../ingest/checkEvent'
import { MAX_BATCH } from '../ingest/checkEvent'

interface Waiting {
  row: EventRow
  resolve: (inserted: boolean) => void
  reject: (error: unknown) => void
}

/** Flushes of one tenant in flight at once. */
const FLUSHES_IN_FLIGHT = 2

/**
 * Group commit for `sendAudit`: calls for one tenant that arrive in the same turn of the event loop, or while
 * its flushes run, go to the database together, as inserts of up to 1,000 events, and each call resolves once
 * its insert committed, with whether its event was new. Up to `parallel` flushes of a tenant run at once, the
 * queue shared evenly among the free ones: the appends of a tenant overlap in writing their rows and queue only
 * for the head of its chain (see `pipelinedAppender`), so callers that wait on one flush need not wait for the
 * one before it to end too.
 *
 * Back-pressure: at most `maxWaiting` events of a tenant wait for an insert; a call beyond that is held (in
 * arrival order) until an insert takes events from the queue, so a producer faster than the database slows to
 * its pace instead of filling the server's memory.
 */
export function createSendAuditBatcher(
  append: (tenantId: string, rows: readonly EventRow[]) => Promise<readonly string[]>,
  maxWaiting = 10 * MAX_BATCH,
  parallel = FLUSHES_IN_FLIGHT,
) {
  const queues = new Map<string, Waiting[]>()
  /** Flushes running, per tenant. */
  const flushing = new Map<string, number>()
  /** Tenants whose queue is to be flushed at the next turn. */
  const scheduled = new Set<string>()
  /** Calls held for room, per tenant, in arrival order. */
  const held = new Map<string, Waiting[]>()

  const flush = async (tenantId: string, batch: Waiting[]): Promise<void> => {
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
    } finally {
      const running = (flushing.get(tenantId) ?? 1) - 1
      if (running === 0) flushing.delete(tenantId)
      else flushing.set(tenantId, running)
      // The next turn, as a new call's: the callers just resolved send their next events first and join it.
      schedule(tenantId)
    }
  }

  /** Starts flushes of the queue while fewer than `parallel` run, sharing it evenly among the free ones. */
  const startFlushes = (tenantId: string): void => {
    const queue = queues.get(tenantId)
    for (let running = flushing.get(tenantId) ?? 0; queue && queue.length > 0 && running < parallel; running += 1) {
      const batch = queue.splice(0, Math.min(MAX_BATCH, Math.ceil(queue.length / (parallel - running))))
      flushing.set(tenantId, running + 1)
      void flush(tenantId, batch)
    }
    if (queue?.length === 0) queues.delete(tenantId)
    admit(tenantId)
  }

  const enqueue = (tenantId: string, waiting: Waiting): void => {
    const queue = queues.get(tenantId)
    if (queue) queue.push(waiting)
    else queues.set(tenantId, [waiting])
    schedule(tenantId)
  }

  /** Starts flushes in the next turn, so the calls of this one (a request's handlers, a Promise.all) share an insert. */
  const schedule = (tenantId: string): void => {
    if (scheduled.has(tenantId)) return
    scheduled.add(tenantId)
    setImmediate(() => {
      scheduled.delete(tenantId)
      startFlushes(tenantId)
    })
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
  /** Events of a tenant queued for an insert (not held, not in an insert running). */
  const queued = (tenantId: string): number => queues.get(tenantId)?.length ?? 0
  return Object.assign(send, { queued })
}
