import { describe, expect, it } from 'vitest'

import { chainEvents } from '../core/integrityChain'
import type { AuditEvent } from '../core/types'
import { createFetchAdapter } from './fetchAdapter'
import { createMemoryAdapter } from './memoryAdapter'
import { validateIntegrity } from './validateIntegrity'

const events: AuditEvent[] = Array.from({ length: 20 }, (_, index) => ({
  id: `e${index + 1}`,
  createdAt: new Date(Date.UTC(2026, 2, 1, 10, index)).toISOString(),
  action: 'user.login',
  payload: { n: index + 1 },
}))
const call = { signal: new AbortController().signal }

describe('a memory adapter with a chain', () => {
  it('verifies the events as they were stored', async () => {
    const adapter = createMemoryAdapter(events, { chain: chainEvents(events) })
    expect(await adapter.verifyIntegrity?.({}, call)).toEqual({
      verifiedThrough: { seq: 20, createdAt: '2026-03-01T10:19:00.000Z' },
      events: 20,
      unchained: 0,
      checkpoint: null,
    })
    // A range verifies through its last event.
    expect(await adapter.verifyIntegrity?.({ from: '2026-03-01T10:05:00Z', to: '2026-03-01T10:10:00Z' }, call)).toMatchObject({
      verifiedThrough: { seq: 10 },
      events: 10,
    })
  })

  it('names a changed event and a removed one, and says which events it can no longer vouch for', async () => {
    const chain = chainEvents(events)
    const changed = events.map((event) => (event.id === 'e7' ? { ...event, action: 'user.logout' } : event))
    const adapter = createMemoryAdapter(changed, { chain })
    expect(await adapter.verifyIntegrity?.({}, call)).toMatchObject({
      verifiedThrough: { seq: 6 },
      problem: { reason: 'content-changed', seq: 7, eventId: 'e7' },
    })
    // A range that ends before the change still verifies.
    expect((await adapter.verifyIntegrity?.({ to: '2026-03-01T10:06:00Z' }, call))?.problem).toBeUndefined()
    expect((await adapter.verifyIntegrity?.({ eventId: 'e7' }, call))?.event).toMatchObject({ seq: 7, state: 'altered' })
    expect((await adapter.verifyIntegrity?.({ eventId: 'e6' }, call))?.event).toMatchObject({ seq: 6, state: 'verified' })
    expect((await adapter.verifyIntegrity?.({ eventId: 'e8' }, call))?.event).toMatchObject({ seq: 8, state: 'unknown' })

    const removed = createMemoryAdapter(
      events.filter((event) => event.id !== 'e12'),
      { chain },
    )
    expect(await removed.verifyIntegrity?.({}, call)).toMatchObject({ problem: { reason: 'event-missing', seq: 12, eventId: 'e13' } })
  })

  it('has no integrity capability without a chain', () => {
    expect('verifyIntegrity' in createMemoryAdapter(events)).toBe(false)
    expect('verifyIntegrity' in createFetchAdapter({ baseUrl: '/api' })).toBe(false)
  })
})

describe('the fetch adapter', () => {
  it('asks the integrity path for the range and checks the answer', async () => {
    const asked: string[] = []
    const adapter = createFetchAdapter({
      baseUrl: '/api/audit-logs',
      integrityPath: '/integrity',
      fetch: (input) => {
        asked.push(input instanceof Request ? input.url : input.toString())
        return Promise.resolve(Response.json({ verifiedThrough: null, events: 'many', unchained: 0, checkpoint: null }))
      },
    })
    await expect(adapter.verifyIntegrity?.({ from: '2026-03-01T00:00:00Z', eventId: 'a&b' }, call)).rejects.toThrow(/"events" is the string "many"/)
    expect(asked).toEqual(['/api/audit-logs/integrity?from=2026-03-01T00%3A00%3A00Z&eventId=a%26b'])
  })
})

describe('validateIntegrity', () => {
  const valid = { verifiedThrough: { seq: 3, createdAt: '2026-03-01T10:00:00Z' }, events: 3, unchained: 0, checkpoint: null }

  it('keeps a well-formed answer and refuses what would read as a false "verified"', () => {
    expect(validateIntegrity(valid)).toEqual(valid)
    const broken = [
      null,
      { ...valid, events: -1 },
      { ...valid, verifiedThrough: { seq: 0, createdAt: '2026-03-01T10:00:00Z' } },
      { ...valid, verifiedThrough: { seq: 3, createdAt: 'yesterday' } },
      { ...valid, problem: { reason: 'fine', seq: 3, eventId: 'e3' } },
      { ...valid, problem: { reason: 'content-changed', seq: 3, eventId: 42 } },
      { ...valid, checkpoint: { seq: 3, signedAt: 'now', keyId: 'k' } },
      { ...valid, event: { seq: 3, hash: '<b>', state: 'verified' } },
      { ...valid, event: { seq: 3, hash: null, state: 'trusted' } },
    ]
    for (const answer of broken) expect(() => validateIntegrity(answer)).toThrow(/integrity response is malformed/)
  })
})
