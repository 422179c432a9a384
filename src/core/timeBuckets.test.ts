import { describe, expect, it } from 'vitest'

import { bucketEdges, chooseBucketSize, edgesToIso } from './timeBuckets'

const PRAGUE = 'Europe/Prague'
const ms = (iso: string): number => Date.parse(iso)
const HOUR = 3_600_000

describe('chooseBucketSize', () => {
  it('picks the smallest readable size that fits the range, from minutes to months', () => {
    expect(chooseBucketSize(0, HOUR, 60)).toEqual({ unit: 'minute', step: 1 })
    expect(chooseBucketSize(0, 24 * HOUR, 60)).toEqual({ unit: 'minute', step: 30 })
    expect(chooseBucketSize(0, 7 * 24 * HOUR, 60)).toEqual({ unit: 'hour', step: 3 })
    expect(chooseBucketSize(0, 30 * 24 * HOUR, 60)).toEqual({ unit: 'hour', step: 12 })
    expect(chooseBucketSize(0, 365 * 24 * HOUR, 60)).toEqual({ unit: 'week', step: 1 })
    expect(chooseBucketSize(0, 3 * 365 * 24 * HOUR, 60)).toEqual({ unit: 'month', step: 1 })
  })
})

describe('bucketEdges', () => {
  it('gives a spring-forward day in Prague 23 hourly buckets, each starting on a wall-clock hour', () => {
    const from = ms('2026-03-29T00:00:00+01:00')
    const to = ms('2026-03-30T00:00:00+02:00')
    const edges = bucketEdges(from, to, PRAGUE, { unit: 'hour', step: 1 })
    expect(edges).toHaveLength(24)
    const iso = edgesToIso(edges, PRAGUE)
    expect(iso.slice(0, 4)).toEqual([
      '2026-03-29T00:00:00.000+01:00',
      '2026-03-29T01:00:00.000+01:00',
      '2026-03-29T03:00:00.000+02:00',
      '2026-03-29T04:00:00.000+02:00',
    ])
    expect(edges.every((edge, index) => index === 0 || edge - (edges[index - 1] as number) === HOUR)).toBe(true)
  })

  it('gives the days of a week in Prague their own midnights: the DST days last 23 and 25 hours', () => {
    const spring = bucketEdges(ms('2026-03-27T00:00:00+01:00'), ms('2026-03-31T00:00:00+02:00'), PRAGUE, { unit: 'day', step: 1 })
    expect(edgesToIso(spring, PRAGUE)).toEqual([
      '2026-03-27T00:00:00.000+01:00',
      '2026-03-28T00:00:00.000+01:00',
      '2026-03-29T00:00:00.000+01:00',
      '2026-03-30T00:00:00.000+02:00',
      '2026-03-31T00:00:00.000+02:00',
    ])
    expect((spring[3] as number) - (spring[2] as number)).toBe(23 * HOUR)
    const autumn = bucketEdges(ms('2026-10-25T00:00:00+02:00'), ms('2026-10-27T00:00:00+01:00'), PRAGUE, { unit: 'day', step: 1 })
    expect((autumn[1] as number) - (autumn[0] as number)).toBe(25 * HOUR)
  })

  it('keeps the range itself as the outer edges and aligns the inner ones to the calendar', () => {
    const edges = bucketEdges(ms('2026-01-15T10:30:00Z'), ms('2026-04-02T00:00:00Z'), 'UTC', { unit: 'month', step: 1 })
    expect(edgesToIso(edges, 'UTC')).toEqual([
      '2026-01-15T10:30:00.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
      '2026-04-02T00:00:00.000Z',
    ])
    const aligned = bucketEdges(ms('2026-01-15T10:30:00Z'), ms('2026-02-02T00:00:00Z'), 'UTC', { unit: 'month', step: 1 }, true)
    expect(edgesToIso(aligned, 'UTC')[0]).toBe('2026-01-01T00:00:00.000Z')
  })

  it('starts weeks on Monday in the zone', () => {
    const edges = bucketEdges(ms('2026-03-04T12:00:00+01:00'), ms('2026-03-20T00:00:00+01:00'), PRAGUE, { unit: 'week', step: 1 }, true)
    expect(edgesToIso(edges, PRAGUE).slice(0, 2)).toEqual(['2026-03-02T00:00:00.000+01:00', '2026-03-09T00:00:00.000+01:00'])
  })
})
