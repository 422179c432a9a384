import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { Histogram } from '../core/histogram'
import { jumpEdge, jumpRow } from '../core/jumpToTime'
import { bucketEdges, edgesToIso } from '../core/timeBuckets'
import type { GeneratedAuditEvent } from '../msw/generateEvents'
import type { AuditLogStore } from './storeTypes'
import { call, freshStore, type ListBody, readList, seed, testHandler } from '../../test/support/server/database'
import type { AuditLogHandler } from './types'

let store: AuditLogStore
let drop: () => Promise<void>
let handler: AuditLogHandler
let events: GeneratedAuditEvent[]

const END = Date.parse('2026-06-01T00:00:00Z')
// Days in Prague across the spring DST change, as the viewer asks for them.
const edges = edgesToIso(
  bucketEdges(Date.parse('2026-03-20T00:00:00+01:00'), END - 86_400_000 * 3, 'Europe/Prague', { unit: 'day', step: 1 }),
  'Europe/Prague',
)

beforeAll(async () => {
  ;({ store, drop } = await freshStore())
  events = await seed(store, { count: 1500, tenants: ['acme', 'globex'], end: END })
  handler = testHandler(store)
})
afterAll(() => drop())

const histogramOf = async (query: string, tenant = 'acme'): Promise<Histogram> => {
  const response = await call(handler, `/histogram?${query}`, { tenant, role: 'viewer' })
  if (response.status !== 200) throw new Error(`histogram answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as Histogram
}
const edgeQuery = (list: readonly string[]): string => list.map((edge) => `edge=${encodeURIComponent(edge)}`).join('&')
const sum = (histogram: Histogram): number =>
  histogram.before + histogram.after + histogram.buckets.reduce((total, bucket) => total + bucket.count, 0)

describe('GET /histogram', () => {
  it("adds up to the list's total for the same search, and counts as the memory adapter does", async () => {
    for (const search of ['', 'filter.result=failed', `from=${encodeURIComponent('2026-03-25T00:00:00Z')}&search=a`]) {
      const histogram = await histogramOf(`${edgeQuery(edges)}&split=result${search ? `&${search}` : ''}`)
      const list = await readList(await call(handler, `/events?limit=1${search ? `&${search}` : ''}`, { tenant: 'acme' }))
      expect(sum(histogram)).toBe(list.total)
      expect(histogram.buckets.every((bucket) => bucket.groups.reduce((total, group) => total + group.count, 0) === bucket.count)).toBe(true)
    }
    const memory = createMemoryAdapter(events, { tenantKey: 'tenantId' })
    const expected = await memory.histogram({ search: {}, edges, splitBy: 'result' }, { signal: new AbortController().signal, tenantId: 'acme' })
    const answered = await histogramOf(`${edgeQuery(edges)}&split=result`)
    expect(answered.buckets).toEqual(expected.buckets)
    expect([answered.before, answered.after]).toEqual([expected.before, expected.after])
  })

  it("counts one tenant's events only", async () => {
    const acme = events.filter((event) => event.tenantId === 'acme').length
    const globex = events.filter((event) => event.tenantId === 'globex').length
    expect(sum(await histogramOf(edgeQuery(edges)))).toBe(acme)
    expect(sum(await histogramOf(edgeQuery(edges), 'globex'))).toBe(globex)
  })

  it('answers 400 for no edges, edges out of order or not instants, and a split that is no path', async () => {
    const status = async (query: string): Promise<number> => (await call(handler, `/histogram?${query}`, { tenant: 'acme' })).status
    expect(await status('split=result')).toBe(400)
    expect(await status(edgeQuery([edges[1] as string, edges[0] as string]))).toBe(400)
    expect(await status(edgeQuery(['yesterday']))).toBe(400)
    expect(await status(`${edgeQuery(edges)}&split=${encodeURIComponent("a'); drop table audit_events; --")}`)).toBe(400)
  })

  it('needs a session and the view action', async () => {
    expect((await call(handler, `/histogram?${edgeQuery(edges)}`)).status).toBe(401)
  })

  it("places Go to time's row: the count on one side of one edge is the row of the first event at or before (newest first) / at or after (oldest first) the time in the server's own list", async () => {
    for (const direction of ['desc', 'asc'] as const) {
      const list: ListBody['events'] = []
      let cursor: string | null = null
      do {
        const page = await readList(
          await call(handler, `/events?limit=1000&sort=createdAt:${direction}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
            tenant: 'acme',
          }),
        )
        list.push(...page.events)
        cursor = page.nextCursor
      } while (cursor)
      // Times exactly on an event, between two, and outside the log's ends.
      const at = (index: number): number => Date.parse(String(list[index]?.createdAt))
      const times = [at(0), at(10) + 500, at(300), at(300) - 1, at(list.length - 1), END + 86_400_000, Date.parse('2020-01-01T00:00:00Z')]
      for (const time of times) {
        const expected = list.findIndex((event) => (direction === 'desc' ? Date.parse(event.createdAt) <= time : Date.parse(event.createdAt) >= time))
        const counts = await histogramOf(edgeQuery([jumpEdge(time, direction)]))
        expect(jumpRow(counts, direction)).toEqual(expected < 0 ? { problem: 'none-there' } : { row: expected })
      }
    }
  })
})
