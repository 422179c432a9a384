import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { defaultFields } from '../core/fields'
import { formatField } from '../core/format'
import { unreadableProblem } from '../core/unreadable'
import { anyResponse } from '../../test/support/responses'
import { isAuditLogsError } from './errors'
import { validateEvent, validatePage } from './validate'

describe('validatePage', () => {
  it('names a numeric or object time as it came, also when a page is checked twice (a fetch adapter, then the viewer)', () => {
    const once = validatePage({
      events: [
        { id: 'a', createdAt: 5 },
        { id: 'b', createdAt: { seconds: 5 } },
      ],
    })
    const twice = validatePage(once)
    for (const page of [once, twice]) {
      const [numeric, object] = page.events.map(unreadableProblem)
      expect(numeric).toMatch(/createdAt is number 5\b/)
      expect(object).toMatch(/createdAt is an object\b/)
      expect(`${numeric ?? ''} ${object ?? ''}`).not.toMatch(/the string/)
    }
    const event = validateEvent(twice.events[0])
    expect(unreadableProblem(event)).toMatch(/createdAt is number 5\b/)
  })

  it('reads times before 1970 and beyond 9999 as they are, in every form', () => {
    const page = validatePage({
      events: [
        { id: 'a', createdAt: -86_400_000 },
        { id: 'b', createdAt: -1 },
        { id: 'c', createdAt: '1965-03-01T00:00:00Z' },
        { id: 'd', createdAt: '+012000-01-01T00:00:00.000Z' },
        { id: 'e', createdAt: '-000001-01-01T00:00:00.000Z' },
      ],
    })
    expect(page.events.map(unreadableProblem)).toEqual([undefined, undefined, undefined, undefined, undefined])
  })

  it('answers any response with a usable page or one clear malformed-response error (fuzzed)', () => {
    let pages = 0
    let refused = 0
    fc.assert(
      fc.property(anyResponse, (response) => {
        let page
        try {
          page = validatePage(response)
        } catch (error) {
          refused += 1
          expect(isAuditLogsError(error) && error.code).toBe('malformed-response')
          expect((error as Error).message).toMatch(/^The audit-log response is malformed: .+\. The adapter is probably wrong\.$/)
          return
        }
        pages += 1
        for (const event of page.events) {
          expect(typeof event.id === 'string' && event.id !== '').toBe(true)
          expect(['string', 'number']).toContain(typeof event.createdAt)
          // Every field of the default structure formats to text, whatever the row held.
          for (const field of defaultFields) expect(typeof formatField(field, event, { timeZone: 'UTC', locale: 'en-US' })).toBe('string')
        }
      }),
      { numRuns: 2000 },
    )
    // Both outcomes were exercised, not only one.
    expect(pages).toBeGreaterThan(100)
    expect(refused).toBeGreaterThan(100)
  })

  it('keeps a bad row as a placeholder with its properties and the problem, and the good rows as they were', () => {
    const good = { id: 'ok', createdAt: '2026-01-01T00:00:00.000Z', action: 'login' }
    const page = validatePage({
      events: [
        good,
        null,
        { id: 'x', action: 'save' },
        { createdAt: 1_700_000_000_000, user: 'eve' },
        'text',
        { id: 7, createdAt: 1_700_000_000_001 },
      ],
    })
    expect(page.events).toHaveLength(6)
    const [first, nullRow, noTime, noId, textRow, numericId] = page.events
    const problems = page.events.map(unreadableProblem)
    expect(first).toBe(good)
    expect(problems[0]).toBeUndefined()
    expect(problems[1]).toBe('events[1] is null, expected an event object')
    expect(nullRow).toMatchObject({ value: null, createdAt: '' })
    expect(noTime).toMatchObject({ id: 'x', action: 'save', createdAt: '' })
    expect(problems[2]).toBe('events[2].createdAt is undefined, expected an ISO-8601 string or epoch milliseconds')
    expect(noId).toMatchObject({ createdAt: 1_700_000_000_000, user: 'eve' })
    expect(problems[3]).toBe('events[3].id is undefined, expected a non-empty string')
    expect(textRow).toMatchObject({ value: 'text' })
    expect(numericId).toEqual({ id: '7', createdAt: 1_700_000_000_001 })
    // Placeholders get ids of their own: never each other's, never a real event's.
    expect(new Set(page.events.map((event) => event.id)).size).toBe(6)
    // The mark is invisible to JSON (and so to the drawer's JSON and the CSV).
    expect(JSON.stringify(noTime)).toBe('{"id":"x","action":"save","createdAt":""}')
  })

  it('refuses a response that is not a page at all', () => {
    expect(() => validatePage('<html>502</html>')).toThrow('expected an object with an "events" array, got the string "<html>502</html>"')
    expect(() => validatePage({ error: 'quota exceeded' })).toThrow('"events" is undefined, expected an array')
    expect(() => validatePage({ events: [], nextCursor: 3 })).toThrow('"nextCursor" is number 3, expected a string or null')
  })

  it('refuses a single event (getEvent) that is not one; marks one whose time cannot be read', () => {
    expect(() => validateEvent(['a'])).toThrow('the event is an array, expected an event object')
    expect(() => validateEvent({ createdAt: 1_700_000_000_000 })).toThrow('the event.id is undefined')
    expect(validateEvent({ id: 1, createdAt: 1_700_000_000_000 })).toEqual({ id: '1', createdAt: 1_700_000_000_000 })
    const noTime = validateEvent({ id: 'a' })
    expect(unreadableProblem(noTime)).toBe('the event.createdAt is undefined, expected an ISO-8601 string or epoch milliseconds')
  })

  it('marks a time that is no instant, keeping its raw text: an impossible day, no zone, words, epoch seconds', () => {
    const rows = [
      { id: 'feb30', createdAt: '2026-02-30T10:00:00Z' },
      { id: 'hour25', createdAt: '2026-03-01T25:00:00Z' },
      { id: 'nozone', createdAt: '2024-12-17 00:00:00000000' },
      { id: 'dots', createdAt: '...' },
      { id: 'seconds', createdAt: 1_763_884_800 },
      { id: 'fine', createdAt: '2024-02-29T23:59:59.123456789+01:00' },
    ]
    const page = validatePage({ events: rows })
    const problems = Object.fromEntries(page.events.map((event) => [event.id, unreadableProblem(event)]))
    expect(problems.feb30).toMatch(/^events\[0\]\.createdAt is the string "2026-02-30T10:00:00Z", which is not an instant/)
    expect(problems.hour25).toMatch(/which is not an instant/)
    expect(problems.nozone).toMatch(/which is not an instant/)
    expect(problems.dots).toMatch(/which is not an instant/)
    expect(problems.seconds).toBe(
      'events[4].createdAt is number 1763884800: as epoch milliseconds that is early 1970; it looks like epoch seconds (multiply by 1000 in the adapter)',
    )
    expect(problems.fine).toBeUndefined()
    // The raw time stays, as text: shown and exported as it came, never as another day.
    expect(page.events.map((event) => event.createdAt)).toEqual([
      '2026-02-30T10:00:00Z',
      '2026-03-01T25:00:00Z',
      '2024-12-17 00:00:00000000',
      '...',
      '1763884800',
      '2024-02-29T23:59:59.123456789+01:00',
    ])
  })
})
