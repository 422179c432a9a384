import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { AuditPage, AuditQuery } from '../core/types'
import { signal } from '../../test/support/events'
import { isAuditLogsError } from './errors'
import { withTimeout } from './timeout'
import type { AdapterCallOptions, AuditLogsAdapter } from './types'

const query: AuditQuery = { limit: 10 }

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('withTimeout', () => {
  it('gives up on a call that hangs (even one that ignores its signal) with a clear timeout error, and fires its signal', async () => {
    let seen: AbortSignal | undefined
    const hanging: AuditLogsAdapter = {
      listEvents: (_query, options) => {
        seen = options.signal
        return new Promise<AuditPage>(() => {})
      },
    }
    const pending = withTimeout(hanging, 2_000).listEvents(query, { signal: signal() })
    const outcome = pending.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(1_999)
    expect(seen?.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const error = await outcome
    expect(isAuditLogsError(error) && error.code).toBe('timeout')
    expect((error as Error).message).toBe('The audit-log service did not answer within 2 seconds.')
    expect(seen?.aborted).toBe(true)
    expect(seen?.reason).toBe(error)
  })

  it("passes answers, failures, the tenant and the viewer's own abort through, and leaves no timer behind", async () => {
    const calls: AdapterCallOptions[] = []
    const adapter: AuditLogsAdapter = {
      listEvents: async (_query, options) => {
        calls.push(options)
        return { events: [] }
      },
      getEvent: () => Promise.reject(new Error('gone')),
    }
    const timed = withTimeout(adapter, 1_000)
    const controller = new AbortController()
    await expect(timed.listEvents(query, { signal: controller.signal, tenantId: 't1' })).resolves.toEqual({ events: [] })
    expect(calls[0]?.tenantId).toBe('t1')
    controller.abort()
    expect(calls[0]?.signal.aborted).toBe(true)
    await expect(timed.getEvent?.('x', { signal: signal() })).rejects.toThrow('gone')
    expect(vi.getTimerCount()).toBe(0)
  })

  it("calls a class-based adapter's methods on the adapter, and offers only the methods it has", async () => {
    class Backend implements AuditLogsAdapter {
      private readonly rows = [{ id: 'a', createdAt: 0 }]
      async listEvents(): Promise<AuditPage> {
        return { events: this.rows }
      }
      async loadFieldConfig() {
        return [{ key: 'id', label: String(this.rows.length) }]
      }
    }
    const timed = withTimeout(new Backend(), 1_000)
    await expect(timed.listEvents(query, { signal: signal() })).resolves.toEqual({ events: [{ id: 'a', createdAt: 0 }] })
    await expect(timed.loadFieldConfig?.({ signal: signal() })).resolves.toEqual([{ key: 'id', label: '1' }])
    expect('getEvent' in timed).toBe(false)
    expect('exportCsv' in timed).toBe(false)
  })

  it('has no limit at 0 or Infinity', () => {
    const adapter: AuditLogsAdapter = { listEvents: async () => ({ events: [] }) }
    expect(withTimeout(adapter, 0)).toBe(adapter)
    expect(withTimeout(adapter, Infinity)).toBe(adapter)
  })
})
