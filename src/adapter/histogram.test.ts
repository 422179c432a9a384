import { describe, expect, it, vi } from 'vitest'

import type { HistogramRequest } from '../core/histogram'
import { makeEvent, signal } from '../../test/support/events'
import { createFetchAdapter } from './fetchAdapter'
import { histogramToSearchParams, searchParamsToHistogram } from './histogramContract'
import { createMemoryAdapter } from './memoryAdapter'
import { validateHistogram } from './validateHistogram'

const events = [
  makeEvent('a', '2026-03-01T10:00:00Z', { result: 'Success', tenant: 't1' }),
  makeEvent('b', '2026-03-01T11:30:00Z', { result: 'failed', tenant: 't1' }),
  makeEvent('c', '2026-03-01T11:45:00Z', { result: 'FAILED', tenant: 't1' }),
  makeEvent('d', '2026-03-01T12:00:00Z', { result: 'success', tenant: 't2' }),
  makeEvent('e', '2026-03-01T13:00:00Z', { tenant: 't1' }),
  makeEvent('f', 'not a time', { result: 'success', tenant: 't1' }),
]
const edges = ['2026-03-01T11:00:00Z', '2026-03-01T12:00:00Z', '2026-03-01T13:00:00Z']
const call = { signal: signal() }

describe('memory adapter: histogram', () => {
  const adapter = createMemoryAdapter(events, { tenantKey: 'tenant' })

  it('counts every matching event once: before, in a bucket split by value (lower case), or after', async () => {
    await expect(adapter.histogram({ search: {}, edges, splitBy: 'result' }, call)).resolves.toEqual({
      buckets: [
        { start: edges[0], end: edges[1], count: 2, groups: [{ value: 'failed', count: 2 }] },
        { start: edges[1], end: edges[2], count: 1, groups: [{ value: 'success', count: 1 }] },
      ],
      before: 2,
      after: 1,
      first: '2026-03-01T10:00:00.000Z',
    })
  })

  it("counts the search's events of the call's tenant only, with their total equal to the list's", async () => {
    const search = { from: '2026-03-01T10:30:00Z', filters: { result: ['failed', 'success'] } }
    const histogram = await adapter.histogram({ search, edges }, { ...call, tenantId: 't1' })
    const page = await adapter.listEvents({ ...search, limit: 100 }, { ...call, tenantId: 't1' })
    const sum = histogram.before + histogram.after + histogram.buckets.reduce((total, bucket) => total + bucket.count, 0)
    expect(sum).toBe(page.total)
    expect(histogram.buckets.map((bucket) => bucket.count)).toEqual([2, 0])
  })
})

describe('histogram contract', () => {
  it('writes a request to a query string and reads it back, without sort', () => {
    const request: HistogramRequest = { search: { search: 'x', filters: { action: ['a'] }, exclude: { result: ['b'] } }, edges, splitBy: 'result' }
    const params = histogramToSearchParams({ ...request, search: { ...request.search, sort: { key: 'action', direction: 'asc' } } })
    expect(params.getAll('edge')).toEqual(edges)
    expect(params.has('sort')).toBe(false)
    expect(searchParamsToHistogram(params)).toEqual(request)
  })

  it('refuses a request without edges', () => {
    expect(() => searchParamsToHistogram(new URLSearchParams('split=result'))).toThrow(/"edge"/)
  })
})

describe('validateHistogram', () => {
  const sound = {
    buckets: [
      { start: edges[0], end: edges[1], count: 2, groups: [{ value: 'failed', count: 2 }] },
      { start: edges[1], end: edges[2], count: 0, groups: [] },
    ],
    before: 0,
    after: 0,
    first: null,
  }

  it('passes a sound answer, its edges written in any offset', () => {
    const shifted = {
      ...sound,
      buckets: sound.buckets.map((bucket, index) => (index === 0 ? { ...bucket, start: '2026-03-01T12:00:00+01:00' } : bucket)),
    }
    expect(validateHistogram(shifted, { edges })).toEqual(sound)
  })

  it.each([
    ['not an object', null, /expected an object/],
    ['too few buckets', { ...sound, buckets: sound.buckets.slice(1) }, /1 entries for 2 buckets/],
    ['buckets out of order', { ...sound, buckets: [...sound.buckets].reverse() }, /buckets\[0\] spans/],
    [
      'a bucket outside the range',
      { ...sound, buckets: [{ ...sound.buckets[0], start: '2026-03-01T10:00:00Z' }, sound.buckets[1]] },
      /not the edges/,
    ],
    ['a negative count', { ...sound, buckets: [{ ...sound.buckets[0], count: -1 }, sound.buckets[1]] }, /buckets\[0\]\.count/],
    ['a fractional count', { ...sound, before: 0.5 }, /"before"/],
    ['groups above their count', { ...sound, buckets: [{ ...sound.buckets[0], count: 1 }, sound.buckets[1]] }, /add up to more/],
    [
      'a group count as text',
      { ...sound, buckets: [{ ...sound.buckets[0], groups: [{ value: 'x', count: '2' }] }, sound.buckets[1]] },
      /groups\[0\]/,
    ],
    ['first that is no instant', { ...sound, first: 'yesterday' }, /"first"/],
  ])('refuses %s with a message that names the fault', (_name, body, message) => {
    expect(() => validateHistogram(body, { edges }, 'The test server')).toThrow(message)
    expect(() => validateHistogram(body, { edges }, 'The test server')).toThrow(/The test server is probably wrong/)
  })
})

describe('fetch adapter: histogram', () => {
  it('asks the histogram path with the search and edges, and checks the answer', async () => {
    const answer = await createMemoryAdapter(events).histogram({ search: {}, edges, splitBy: 'result' }, call)
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }))
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: fetchMock, histogramPath: '/histogram' })
    await expect(adapter.histogram?.({ search: { search: 'x' }, edges, splitBy: 'result' }, call)).resolves.toEqual(answer)
    const url = new URL(fetchMock.mock.calls[0]?.[0] as string, 'http://host')
    expect(url.pathname).toBe('/api/histogram')
    expect(url.searchParams.getAll('edge')).toEqual(edges)
    expect(url.searchParams.get('split')).toBe('result')
    expect(url.searchParams.get('search')).toBe('x')
  })

  it('has no histogram without a path, and refuses a malformed answer', async () => {
    expect('histogram' in createFetchAdapter({ baseUrl: '/api' })).toBe(false)
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: async () => Response.json({ buckets: [] }), histogramPath: '/histogram' })
    await expect(adapter.histogram?.({ search: {}, edges }, call)).rejects.toThrow(/histogram response is malformed/)
  })
})
