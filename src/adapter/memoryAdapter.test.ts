import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { AuditEvent, AuditQuery } from '../core/types'
import { makeEvent, makeEvents, signal } from '../../test/support/events'
import { createMemoryAdapter } from './memoryAdapter'
import { filterEvents } from './memoryQuery'
import { sortEvents } from './memorySort'

const ids = (events: AuditEvent[]): string[] => events.map((event) => event.id)

async function listAll(adapter: ReturnType<typeof createMemoryAdapter>, query: Omit<AuditQuery, 'cursor'>): Promise<AuditEvent[]> {
  const all: AuditEvent[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await adapter.listEvents({ ...query, ...(cursor ? { cursor } : {}) }, { signal: signal() })
    all.push(...page.events)
    if (!page.nextCursor) return all
    cursor = page.nextCursor
  }
}

describe('createMemoryAdapter', () => {
  describe('time range', () => {
    const events = [
      makeEvent('before', '2026-03-07T23:59:59.999Z'),
      makeEvent('start', '2026-03-08T00:00:00.000Z'),
      makeEvent('last', '2026-03-08T23:59:59.999Z'),
      makeEvent('end', '2026-03-09T00:00:00.000Z'),
      makeEvent('epoch', Date.UTC(2026, 2, 8, 12)),
    ]
    const adapter = createMemoryAdapter(events)

    it('is half-open: from inclusive, to exclusive, to the millisecond', async () => {
      const page = await adapter.listEvents(
        { from: '2026-03-08T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z', limit: 10, sort: { key: 'createdAt', direction: 'asc' } },
        { signal: signal() },
      )
      expect(ids(page.events)).toEqual(['start', 'epoch', 'last'])
      expect(page.total).toBe(3)
    })

    it('compares instants, not strings, when offsets differ', async () => {
      const page = await adapter.listEvents({ from: '2026-03-08T05:30:00+05:30', limit: 10 }, { signal: signal() })
      expect(ids(page.events)).toEqual(['end', 'last', 'epoch', 'start'])
    })

    it('refuses an unparseable bound with a clear error', async () => {
      await expect(adapter.listEvents({ from: 'yesterday', limit: 10 }, { signal: signal() })).rejects.toThrow(
        '"from" must be an ISO-8601 instant with a time zone, got "yesterday".',
      )
    })
  })

  describe('search and filters', () => {
    const events = [
      makeEvent('a', '2026-01-01T00:00:00Z', { action: 'Login', user: { email: 'Ana@Example.com' }, severity: 'Info' }),
      makeEvent('b', '2026-01-02T00:00:00Z', { action: 'save', payload: { title: 'Quarterly report' }, severity: 'High' }),
      makeEvent('c', '2026-01-03T00:00:00Z', { action: 'delete', tags: ['billing', 'admin'], severity: 'Critical' }),
    ]
    const adapter = createMemoryAdapter(events)
    const list = (query: Omit<AuditQuery, 'limit'>) => adapter.listEvents({ limit: 10, ...query }, { signal: signal() })

    it('searches every string value, nested too, case-insensitively, all terms', async () => {
      expect(ids((await list({ search: 'ana@example' })).events)).toEqual(['a'])
      expect(ids((await list({ search: 'QUARTERLY' })).events)).toEqual(['b'])
      expect(ids((await list({ search: 'quarterly save' })).events)).toEqual(['b'])
      expect(ids((await list({ search: 'quarterly delete' })).events)).toEqual([])
    })

    it('searches an event nested 100,000 levels deep without overflowing the stack', async () => {
      const deep = JSON.parse(`${'{"inner":'.repeat(100_000)}"needle at the bottom"${'}'.repeat(100_000)}`) as unknown
      const nested = createMemoryAdapter([makeEvent('deep', '2026-01-01T00:00:00Z', { payload: deep })])
      const found = await nested.listEvents({ limit: 10, search: 'needle' }, { signal: signal() })
      expect(ids(found.events)).toEqual(['deep'])
    })

    it('filters by field values (any of the accepted values, arrays match any element)', async () => {
      expect(ids((await list({ filters: { severity: ['High', 'Critical'] } })).events)).toEqual(['c', 'b'])
      expect(ids((await list({ filters: { tags: ['admin'] } })).events)).toEqual(['c'])
      expect(ids((await list({ filters: { 'user.email': ['Ana@Example.com'] } })).events)).toEqual(['a'])
      expect(ids((await list({ filters: { severity: [] } })).events)).toHaveLength(3)
    })

    it('matches filter values whatever their case, as Azure writes one operation name in three casings', async () => {
      expect(ids((await list({ filters: { action: ['login'] } })).events)).toEqual(['a'])
      expect(ids((await list({ filters: { 'user.email': ['ana@example.COM'] } })).events)).toEqual(['a'])
      expect(ids((await list({ filters: { severity: ['high', 'CRITICAL'] } })).events)).toEqual(['c', 'b'])
    })
  })

  describe('sorting', () => {
    const events = [
      makeEvent('1', '2026-01-01T00:00:00Z', { user: { name: 'bob' }, count: 10 }),
      makeEvent('2', '2026-01-03T00:00:00Z', { user: { name: 'Alice' }, count: 9 }),
      makeEvent('3', '2026-01-02T00:00:00Z', { count: 100 }),
    ]
    const adapter = createMemoryAdapter(events)
    const sorted = async (key: string, direction: 'asc' | 'desc') =>
      ids((await adapter.listEvents({ limit: 10, sort: { key, direction } }, { signal: signal() })).events)

    it('defaults to newest first', async () => {
      expect(ids((await adapter.listEvents({ limit: 10 }, { signal: signal() })).events)).toEqual(['2', '3', '1'])
    })

    it('sorts by any dot path, text by collation, numbers numerically, missing values last', async () => {
      expect(await sorted('user.name', 'asc')).toEqual(['2', '1', '3'])
      expect(await sorted('user.name', 'desc')).toEqual(['1', '2', '3'])
      expect(await sorted('count', 'asc')).toEqual(['2', '1', '3'])
      expect(await sorted('createdAt', 'asc')).toEqual(['1', '3', '2'])
    })
  })

  describe('paging', () => {
    it('walks 10,000 events with opaque cursors without losing or repeating one', async () => {
      const events = makeEvents(10_000).map((event, index) =>
        // Many equal times: ties must still page deterministically.
        ({ ...event, createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(index / 10) * 1000).toISOString() }),
      )
      const adapter = createMemoryAdapter(events)
      const all = await listAll(adapter, { limit: 137 })
      expect(all).toHaveLength(10_000)
      expect(new Set(ids(all)).size).toBe(10_000)
      const filtered = await listAll(adapter, { limit: 50, filters: { severity: ['High'] }, sort: { key: 'user.name', direction: 'asc' } })
      expect(filtered).toHaveLength(2_000)
      expect(new Set(ids(filtered)).size).toBe(2_000)
    })

    it('reports the total and ends with a null cursor', async () => {
      const adapter = createMemoryAdapter(makeEvents(5))
      const first = await adapter.listEvents({ limit: 3 }, { signal: signal() })
      expect(first).toMatchObject({ total: 5, nextCursor: expect.any(String) })
      const second = await adapter.listEvents({ limit: 3, cursor: first.nextCursor ?? '' }, { signal: signal() })
      expect(second.events).toHaveLength(2)
      expect(second.nextCursor).toBeNull()
    })

    it('rejects a cursor it did not make, and a bad limit', async () => {
      const adapter = createMemoryAdapter(makeEvents(5))
      await expect(adapter.listEvents({ limit: 3, cursor: 'not-a-cursor' }, { signal: signal() })).rejects.toThrow(/paging cursor/)
      await expect(adapter.listEvents({ limit: 0 }, { signal: signal() })).rejects.toThrow(/"limit" must be/)
    })
  })

  describe('latency, failure and abort', () => {
    it('rejects with the abort reason when the signal fires during the latency', async () => {
      const adapter = createMemoryAdapter(makeEvents(5), { latency: 10_000 })
      const controller = new AbortController()
      const pending = adapter.listEvents({ limit: 3 }, { signal: controller.signal })
      controller.abort()
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    })

    it('fails the calls the `fail` option picks, then recovers', async () => {
      const adapter = createMemoryAdapter(makeEvents(5), { fail: (_query, call) => call === 1 })
      await expect(adapter.listEvents({ limit: 3 }, { signal: signal() })).rejects.toMatchObject({ code: 'simulated' })
      await expect(adapter.listEvents({ limit: 3 }, { signal: signal() })).resolves.toMatchObject({ total: 5 })
    })
  })

  it('finds one event by id', async () => {
    const adapter = createMemoryAdapter(makeEvents(5))
    await expect(adapter.getEvent('e000003', { signal: signal() })).resolves.toMatchObject({ id: 'e000003' })
    await expect(adapter.getEvent('nope', { signal: signal() })).rejects.toThrow('No event has the id "nope".')
  })

  describe('derived fields (a `value` accessor)', () => {
    type K8sEvent = AuditEvent & { annotations?: Record<string, string> }
    const decision = (event: K8sEvent): string | undefined => event.annotations?.['authorization.k8s.io/decision']
    const events: K8sEvent[] = ['allow', 'forbid', undefined, 'allow', 'Allow', 'forbid'].map((value, index) => ({
      ...makeEvent(`k${index}`, `2026-01-01T00:0${index}:00.000Z`),
      ...(value === undefined ? {} : { annotations: { 'authorization.k8s.io/decision': value } }),
    }))
    const fields = [{ key: 'decision', label: 'Decision', filterable: true, value: decision }]

    it('filters and sorts by what the accessor gives, as a plain evaluation does, and declares them', async () => {
      const adapter = createMemoryAdapter(events, { fields })
      expect(adapter.derivedKeys).toEqual(['decision'])
      const allowed = await listAll(adapter, { limit: 2, filters: { decision: ['ALLOW'] } })
      expect(ids(allowed).sort()).toEqual(
        events
          .filter((event) => decision(event)?.toLowerCase() === 'allow')
          .map((event) => event.id)
          .sort(),
      )
      const sorted = await listAll(adapter, { limit: 2, sort: { key: 'decision', direction: 'asc' } })
      const values = sorted.map((event) => decision(event as K8sEvent))
      // Missing last; the rest in collation order (case-insensitive), ties by id.
      expect(values).toEqual(['allow', 'allow', 'Allow', 'forbid', 'forbid', undefined])
    })

    it('without the fields, a derived key reads the stored path and finds nothing', async () => {
      const adapter = createMemoryAdapter(events)
      expect(adapter.derivedKeys).toBeUndefined()
      await expect(listAll(adapter, { limit: 10, filters: { decision: ['allow'] } })).resolves.toEqual([])
    })
  })

  it("reads each event's time in the given format, every digit kept", async () => {
    const adapter = createMemoryAdapter(
      [
        { id: 'a', createdAt: '2024-12-17 08:30:00.123456' },
        { id: 'b', createdAt: '2024-12-17 08:30:00.123457' },
        { id: 'broken', createdAt: '2024-12-17 00:00:00000000' },
      ],
      { timeFormat: 'utc-datetime' },
    )
    const page = await adapter.listEvents({ limit: 10, from: '2024-12-17T00:00:00Z' }, { signal: signal() })
    // Newest first, to the microsecond: both are in one millisecond.
    expect(page.events.map((event) => event.createdAt)).toEqual(['2024-12-17T08:30:00.123457Z', '2024-12-17T08:30:00.123456Z'])
    // Unreadable, so before any instant: kept by the whole log, with its raw time.
    const all = await adapter.listEvents({ limit: 10 }, { signal: signal() })
    expect(all.events.map((event) => event.createdAt)).toContain('2024-12-17 00:00:00000000')
    await expect(adapter.getEvent('a', { signal: signal() })).resolves.toMatchObject({ createdAt: '2024-12-17T08:30:00.123456Z' })
  })

  it('sorts times as the instants they are: past the millisecond, and whatever their number of digits', async () => {
    const received = (id: string, receiveTimestamp: string, createdAt: string) => ({ id, createdAt, receiveTimestamp })
    const events = [
      // Google Cloud writes 0, 3, 6 or 9 fractional digits; digit runs would put .12 before .1195.
      received('a', '2021-11-25T21:56:00.12Z', '2026-01-01T00:00:00.000300Z'),
      received('b', '2021-11-25T21:56:00.1195Z', '2026-01-01T00:00:00.000100Z'),
      received('c', '2021-11-25T22:56:00+01:00', '2026-01-01T00:00:00.000200Z'),
      received('d', '2021-11-25T21:56:00.119499999Z', '2026-01-01T00:00:00.000Z'),
    ]
    const adapter = createMemoryAdapter(events)
    const by = async (key: string) => ids((await adapter.listEvents({ limit: 10, sort: { key, direction: 'asc' } }, { signal: signal() })).events)
    expect(await by('receiveTimestamp')).toEqual(['c', 'd', 'b', 'a'])
    // Kubernetes' microseconds inside one millisecond order the events, before their ids do.
    expect(await by('createdAt')).toEqual(['d', 'b', 'c', 'a'])
  })

  it('answers from its once-sorted lists exactly as filtering then sorting every event would (fuzzed)', async () => {
    const base = Date.UTC(2026, 0, 1)
    const event = fc.record({
      minute: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      action: fc.constantFrom('save', 'delete', 'Save'),
    })
    const query = fc.record({
      from: fc.option(fc.integer({ min: -2, max: 42 }), { nil: undefined }),
      to: fc.option(fc.integer({ min: -2, max: 42 }), { nil: undefined }),
      filter: fc.boolean(),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
      key: fc.constantFrom('createdAt', 'action'),
    })
    const at = (minute: number): string => new Date(base + minute * 60_000).toISOString()
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 4 }), async (specs, queries) => {
        const events: AuditEvent[] = specs.map((spec, index) => ({
          id: `e${String(index).padStart(2, '0')}`,
          createdAt: spec.minute === undefined ? 'unreadable' : at(spec.minute),
          action: spec.action,
        }))
        // One adapter for every query: its sorted lists are reused between them.
        const adapter = createMemoryAdapter(events)
        for (const spec of queries) {
          const search = {
            ...(spec.from === undefined ? {} : { from: at(spec.from) }),
            ...(spec.to === undefined ? {} : { to: at(spec.to) }),
            ...(spec.filter ? { filters: { action: ['save'] } } : {}),
            sort: { key: spec.key, direction: spec.direction },
          }
          const expected = sortEvents(filterEvents(events, search), search.sort).map((item) => item.id)
          const page = await adapter.listEvents({ ...search, limit: 1000 }, { signal: signal() })
          expect(page.events.map((item) => item.id)).toEqual(expected)
          expect(page.total).toBe(expected.length)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('answers events given in time order (either way) exactly as the same events shuffled (fuzzed)', async () => {
    // Events in order are not sorted again; a text that only looks like toISOString's form must not pass for it.
    const base = Date.UTC(2026, 0, 1)
    const odd = fc.constantFrom(
      '2026-02-30T00:00:00.000Z', // no such day: unreadable, so last
      '2026-04-31T12:00:00.000Z',
      '2025-02-29T12:00:00.000Z',
      '2024-02-29T12:00:00.000Z', // a leap day
      '2100-02-29T12:00:00.000Z', // not one: 2100 is no leap year
      '2026-12-29T12:00:00.000Z',
      '0050-06-01T00:00:00.000Z', // a year below 100
      '2026-01-01T05:00:00.000+01:00',
      '2026-01-01T04:00:00.000123Z',
      'unreadable',
    )
    const time = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 600 }).map((minute) => new Date(base + minute * 60_000).toISOString()) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 600 }).map((minute) => base + minute * 60_000) },
      { weight: 1, arbitrary: odd },
    )
    const query = fc.record({
      from: fc.option(fc.integer({ min: -5, max: 605 }), { nil: undefined }),
      to: fc.option(fc.integer({ min: -5, max: 605 }), { nil: undefined }),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
    })
    const at = (minute: number): string => new Date(base + minute * 60_000).toISOString()
    await fc.assert(
      fc.asyncProperty(
        fc.array(time, { maxLength: 30 }),
        fc.integer(),
        fc.array(query, { minLength: 1, maxLength: 3 }),
        async (times, seed, queries) => {
          const events: AuditEvent[] = times.map((createdAt, index) => ({ id: `e${String(index).padStart(2, '0')}`, createdAt }))
          const newestFirst = [...(await listAll(createMemoryAdapter(events), { limit: 1000 }))]
          // A deterministic shuffle, so a failure replays from its seed.
          const shuffled = newestFirst
            .map((event, index) => ({ event, key: Math.sin(seed + index) }))
            .sort((a, b) => a.key - b.key)
            .map(({ event }) => event)
          const given = [newestFirst, newestFirst.toReversed(), shuffled].map((list) => createMemoryAdapter(list))
          for (const spec of queries) {
            const search = {
              ...(spec.from === undefined ? {} : { from: at(spec.from) }),
              ...(spec.to === undefined ? {} : { to: at(spec.to) }),
              sort: { key: 'createdAt', direction: spec.direction },
            }
            const [inOrder, reversed, mixed] = await Promise.all(given.map(async (adapter) => ids(await listAll(adapter, { ...search, limit: 7 }))))
            expect(inOrder).toEqual(mixed)
            expect(reversed).toEqual(mixed)
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  it('puts a time written like toISOString for a day that does not exist last, with the unreadable ones', async () => {
    const events = [
      makeEvent('real', '2026-03-02T00:00:00.000Z'),
      makeEvent('no-such-day', '2026-02-30T00:00:00.000Z'),
      makeEvent('older', '2026-02-01T00:00:00.000Z'),
    ]
    const page = await createMemoryAdapter(events).listEvents({ limit: 10 }, { signal: signal() })
    expect(ids(page.events)).toEqual(['real', 'older', 'no-such-day'])
  })

  it('answers a query over 100,000 events correctly', async () => {
    const adapter = createMemoryAdapter(makeEvents(100_000))
    const page = await adapter.listEvents(
      { limit: 50, from: '2026-01-01T10:00:00.000Z', to: '2026-01-01T11:00:00.000Z', filters: { action: ['save'] } },
      { signal: signal() },
    )
    expect(page.total).toBe(30)
    expect(page.events[0]?.createdAt).toBe('2026-01-01T10:58:00.000Z')
  })
})

describe('ignoring case, for every script', () => {
  it.each(['İstanbul', 'ΟΔΟΣ', 'ǅ'])('a filter on %s finds exactly the events that hold it in any case', (value) => {
    const events = [value, value.toLowerCase(), value.toUpperCase(), `${value}x`, 'other'].map((city, index) =>
      makeEvent(`e${index}`, Date.UTC(2026, 0, 1) + index, { city }),
    )
    const found = filterEvents(events, { filters: { city: [value] } }).map((event) => event.id)
    expect(found).toEqual(['e0', 'e1', 'e2'])
  })

  it('a filter matches exactly where toLowerCase says two values are equal, as the server does (property)', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
    const variant = fc.tuple(text, fc.constantFrom('same', 'lower', 'upper', 'other'))
    fc.assert(
      fc.property(text, fc.array(variant, { minLength: 1, maxLength: 8 }), (wanted, stored) => {
        const values = stored.map(([value, how]) =>
          how === 'same' ? wanted : how === 'lower' ? wanted.toLowerCase() : how === 'upper' ? wanted.toUpperCase() : value,
        )
        const events = values.map((city, index) => makeEvent(`e${index}`, Date.UTC(2026, 0, 1) + index, { city }))
        const found = filterEvents(events, { filters: { city: [wanted] } }).map((event) => event.id)
        expect(found).toEqual(values.flatMap((city, index) => (city.toLowerCase() === wanted.toLowerCase() ? [`e${index}`] : [])))
      }),
    )
  })
})
