// Fetching an export's pages and pacing its work: the parts of the export that wait.
import { abortableDelay } from '../adapter/delay'
import { type AuditLogsAdapter, callOptions } from '../adapter/types'
import { validatePage } from '../adapter/validate'
import type { AuditEvent, AuditPage, AuditQuery, AuditSearch } from '../core/types'
import { retryDelay, shouldRetry } from '../adapter/retryPolicy'

/**
 * Pins an open or future end to the export's start, so events that arrive during the export do not shift
 * an offset-paged backend under it (which would repeat or skip rows).
 */
export function pinRange(search: AuditSearch, now: number): AuditSearch {
  const to = search.to ? Date.parse(search.to) : Number.NaN
  if (!Number.isNaN(to) && to <= now) return search
  return { ...search, to: new Date(now).toISOString() }
}

export async function listWithRetry<TEvent extends AuditEvent>(
  adapter: AuditLogsAdapter<TEvent>,
  query: AuditQuery,
  signal: AbortSignal,
  tenantId: string | undefined,
): Promise<AuditPage> {
  for (let failures = 0; ; failures += 1) {
    try {
      return validatePage(await adapter.listEvents(query, callOptions(signal, tenantId)))
    } catch (error) {
      if (signal.aborted || !shouldRetry(failures, error)) throw error
      await abortableDelay(retryDelay(failures), signal)
    }
  }
}

/** How long an export works before it lets the page handle input and paint: well under a 50 ms long task. */
export const WORK_SLICE_MS = 16

/**
 * A new task, at once: `scheduler.yield()` where the browser has it, else a message to itself (a 0 ms timer
 * would wait at least 4 ms each time after a few in a row).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
