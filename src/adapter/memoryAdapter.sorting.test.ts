import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { AuditEvent } from '../core/types'
import { makeEvent, signal } from '../../test/support/events'
import { ids, listAll } from '../../test/support/memoryAdapterPages'
import { createMemoryAdapter } from './memoryAdapter'
import { filterEvents } from './memoryQuery'
import { sortEvents } from './memorySort'

describe('createMemoryAdapter', () => {
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
})
