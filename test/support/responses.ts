import fc from 'fast-check'

import { hostileStrings } from '../../src/msw/hostileStrings'

/** Any value a field of a broken backend might hold. */
const anyValue = fc.oneof(
  fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withNullPrototype: true, withSparseArray: true }),
  fc.constantFrom(...hostileStrings),
  fc.constantFrom(Number.NaN, Infinity, -0, Number.MAX_SAFE_INTEGER + 2, 8.64e15 + 1, ''),
)

/** An id as backends get it wrong: missing, empty, numeric, an object, a duplicate. */
const anyId = fc.oneof(fc.constantFrom('a', 'a', 'b', '', '__proto__', '<img src=x onerror=alert(1)>'), fc.string(), fc.integer(), anyValue)

/** A time as backends get it wrong: missing, null, a bad string, NaN, out of range, a boolean. */
const anyCreatedAt = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.constantFrom('yesterday', '2026-13-45T99:99:99Z', '', '+275760-09-13T00:00:00.000Z', true),
  anyValue,
)

/** A row: usually event-like with some parts wrong, sometimes not an object at all. */
export const anyRow = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      { id: anyId, createdAt: anyCreatedAt, action: anyValue, severity: anyValue, user: anyValue, payload: anyValue },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: anyValue },
)

/**
 * What a broken or hostile backend might answer `listEvents` with: a page with bad rows, bad cursors and
 * totals, an HTML error page as text, an error object with status 200, or anything at all.
 */
export const anyResponse = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        events: fc.array(anyRow, { maxLength: 8 }),
        nextCursor: fc.oneof(fc.constant(null), fc.string(), anyValue),
        total: fc.oneof(fc.nat(), anyValue),
      },
      { requiredKeys: ['events'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ events: anyValue, nextCursor: anyValue, total: anyValue }, { requiredKeys: [] }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>',
      { error: 'quota exceeded' },
      { errors: [{ message: 'boom' }], data: null },
      null,
      undefined,
      [],
    ),
  },
  { weight: 1, arbitrary: anyValue },
)
