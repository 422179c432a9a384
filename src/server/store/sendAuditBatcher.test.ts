import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkEvent, type EventRow } from '../ingest/checkEvent'
import { freshStore } from '../../../test/support/server/database'
import type { AuditLogStore } from '../storeTypes'
import { createSendAuditBatcher } from './sendAuditBatcher'

const row = (id: string): EventRow => checkEvent({ id, action: 'user.login' }, 't', 'event')

describe('sendAudit batching', () => {
  it('stores concurrent calls together, at most two inserts at a time per tenant, and resolves each with whether its id was new', async () => {
    const inserts: string[][] = []
    let running = 0
    let most = 0
    // As the store: an id is new once, whichever insert running meets it first.
    const stored = new Set(['known'])
    let gate: Promise<unknown> = Promise.resolve()
    const send = createSendAuditBatcher(async (tenantId, rows) => {
      running += 1
      most = Math.max(most, running)
      const held = gate
      inserts.push(rows.map((waiting) => `${tenantId}:${waiting.id}`))
      const fresh = rows.map((waiting) => waiting.id).filter((id) => !stored.has(id) && Boolean(stored.add(id)))
      await new Promise((resolve) => setTimeout(resolve, 5))
      await held
      running -= 1
      return fresh
    })
    const first = await Promise.all([send('t', row('a')), send('t', row('b')), send('t', row('a')), send('t', row('known'))])
    expect(first).toEqual([true, true, false, false])
    // The calls of one turn are shared evenly between the two inserts a tenant may run (a repeated id stays in its batch).
    expect(inserts).toEqual([
      ['t:a', 't:b'],
      ['t:a', 't:known'],
    ])
    // Calls that arrive while an insert runs take the free one; the rest wait for a running one to end.
    inserts.length = 0
    let open: (value?: unknown) => void = () => undefined
    gate = new Promise((resolve) => (open = resolve))
    const early = send('t', row('c'))
    await new Promise((resolve) => setImmediate(resolve))
    gate = Promise.resolve()
    const late = Array.from({ length: 1500 }, (_, index) => send('t', row(`late-${index}`)))
    // The first insert is held until the late calls took the other.
    while (inserts.length < 2) await new Promise((resolve) => setImmediate(resolve))
    open()
    await Promise.all([early, ...late])
    expect(inserts.map((batch) => batch.length)).toEqual([1, 1000, 500])
    expect(most).toBe(2)
  })

  it('lets callers whose events were just stored send their next ones into the next insert, not a nearly empty one', async () => {
    const sizes: number[] = []
    const send = createSendAuditBatcher(async (_tenantId, rows) => {
      sizes.push(rows.length)
      await new Promise((resolve) => setImmediate(resolve))
      return rows.map((waiting) => waiting.id)
    })
    // Sixteen callers, each sending its next event once the last is stored (as request handlers do).
    await Promise.all(
      Array.from({ length: 16 }, async (_, caller) => {
        for (let n = 0; n < 5; n += 1) await send('t', row(`c${String(caller)}-${String(n)}`))
      }),
    )
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(80)
    // Every insert holds a whole half of the callers: none starts with the few that came back first.
    expect(Math.min(...sizes)).toBe(8)
  })

  it('holds calls beyond maxWaiting until an insert takes events: the queue never grows past it, and every call is stored in order', async () => {
    const sizes: number[] = []
    const waiting: Array<() => void> = []
    let queuedMax = 0
    const stored: string[] = []
    const send = createSendAuditBatcher(async (_tenantId, rows) => {
      sizes.push(rows.length)
      stored.push(...rows.map((held) => held.id))
      await new Promise<void>((resolve) => waiting.push(resolve))
      return rows.map((held) => held.id)
    }, 2500)
    const calls = Array.from({ length: 6000 }, (_, index) => send('t', row(`e-${index}`)))
    for (let turn = 0; turn < 20 && stored.length < 6000; turn += 1) {
      await new Promise((resolve) => setImmediate(resolve))
      queuedMax = Math.max(queuedMax, send.queued('t'))
      for (const release of waiting.splice(0)) release()
    }
    expect(await Promise.all(calls)).toEqual(calls.map(() => true))
    expect(stored).toEqual(calls.map((_, index) => `e-${index}`))
    expect(sizes.every((size) => size <= 1000)).toBe(true)
    // Held calls joined the queue only as inserts took events from it: never more than 2,500 waited in it.
    expect(Math.max(...sizes)).toBe(1000)
    expect(queuedMax).toBe(2500)
  })

  it('rejects every call of a failed insert, and recovers for the next', async () => {
    let fail = true
    const send = createSendAuditBatcher((_tenantId, rows) =>
      fail ? Promise.reject(new Error('down')) : Promise.resolve(rows.map((stored) => stored.id)),
    )
    await expect(Promise.all([send('t', row('a')), send('t', row('b'))])).rejects.toThrow('down')
    fail = false
    expect(await send('t', row('a'))).toBe(true)
  })
})

describe('sendAudit on PostgreSQL', () => {
  let store: AuditLogStore
  let drop: () => Promise<void>
  beforeAll(async () => {
    ;({ store, drop } = await freshStore())
  })
  afterAll(() => drop())

  it('200 concurrent callers of two tenants: each resolved after its commit, one gapless chain per tenant', async () => {
    const calls = Array.from({ length: 200 }, (_, index) =>
      store.sendAudit({ id: `e${index % 150}`, tenantId: index % 2 === 0 ? 'acme' : 'globex', action: 'user.login' }),
    )
    const results = await Promise.all(calls)
    const { rows } = await store.pool.query<{ tenant_id: string; count: string; max: string }>(
      "select tenant_id, count(*), max(seq) from audit_events where tenant_id in ('acme', 'globex') group by tenant_id order by tenant_id",
    )
    // Ids e0–e149 alternate tenants; e0–e49 come twice, each time to the same tenant (index and index + 150 share parity).
    expect(rows).toEqual([
      { tenant_id: 'acme', count: '75', max: '75' },
      { tenant_id: 'globex', count: '75', max: '75' },
    ])
    expect(results.filter((result) => result.inserted)).toHaveLength(150)
    expect(results.slice(150).every((result) => !result.inserted)).toBe(true)
    expect((await store.verifyIntegrity('acme')).problem).toBeUndefined()
  })
})
