import { createMemoryAdapter } from '../../src/adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../src/adapter/types'
import type { AuditEvent } from '../../src/core/types'

export interface HeldAdapter {
  adapter: AuditLogsAdapter
  /** Lets the next held call through. */
  step: () => void
  /** Lets every call through, now and later. */
  release: () => void
}

/**
 * A memory adapter whose first `listEvents` call (the table's) answers at once and whose later calls (an
 * export's pages) each wait for a `step()`, or stop when their signal aborts: an export stays running, at a
 * known page, for as long as a test needs. For tests only.
 */
export function heldAdapter(events: readonly AuditEvent[]): HeldAdapter {
  const memory = createMemoryAdapter(events)
  const waiting: Array<() => void> = []
  let allowed = 0
  let released = false
  let calls = 0
  const adapter: AuditLogsAdapter = {
    ...memory,
    async listEvents(query, options) {
      calls += 1
      const page = calls - 1
      if (page > allowed && !released) {
        await new Promise<void>((resolve, reject) => {
          waiting.push(resolve)
          options.signal.addEventListener('abort', () => reject(options.signal.reason as Error))
        })
      }
      return memory.listEvents(query, options)
    },
  }
  return {
    adapter,
    step: () => {
      allowed += 1
      waiting.shift()?.()
    },
    release: () => {
      released = true
      for (const resolve of waiting.splice(0)) resolve()
    },
  }
}
