import fc from 'fast-check'

import { hostileStrings } from '../../src/msw/hostileStrings'
import type { AuditEvent, AuditField, AuditFieldType } from '../../src/core/types'

/** Text a CSV writer must get exactly right: formula starts, quotes, separators, BOMs, spaces, lone surrogates. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '\t', ' ', "'", '=', '+', '-', '@', '\0', '\uFEFF', 'a', '1', 'é', '\uD800') }),
  fc
    .tuple(
      fc.constantFrom('', ' ', '"', "'", '\t', '\r\n', '\n', '\uFEFF'),
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\0', ''),
      fc.string(),
    )
    .map(([padding, trigger, rest]) => padding + trigger + rest),
  fc.constantFrom(...hostileStrings, '-5', '+3.5e2', ' 12 ', '1,5', 'x'.repeat(33_000), '=A1'.repeat(9_000), '"'.repeat(32_768)),
)

/** Times in every form an event may carry them: canonical UTC, offsets, sub-millisecond digits, bad dates, epoch ms. */
export const timeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }).map((ms) => new Date(ms).toISOString()),
  fc.integer({ min: 0, max: 4_102_444_800_000 }),
  fc.constantFrom(8.64e15, -8.64e15, 8.64e15 + 1, Number.NaN, Number.POSITIVE_INFINITY),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 60 }),
      fc.constantFrom('', '.5', '.123', '.1234', '.123456', '.123456789'),
      fc.constantFrom('Z', 'z', '+01:00', '-05:30', '+0545', '+14:00', '-12:00', '+24:00', ''),
    )
    .map(([year, month, day, hour, second, fraction, zone]) => {
      const two = (value: number): string => String(value).padStart(2, '0')
      return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(second)}:${two(second)}${fraction}${zone}`
    }),
  // Around DST changes in zones with whole-hour, half-hour and 30-minute-DST rules.
  fc
    .tuple(
      fc.constantFrom(Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1), Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 3, 5, 15)),
      fc.integer({ min: -7_200_000, max: 7_200_000 }),
    )
    .map(([at, delta]) => new Date(at + delta).toISOString()),
  fc.constantFrom('2026-02-30T00:00:00.000Z', '2026-11-23T24:00:00.000Z', '2026-11-23 08:00:00', '...', '', 'not a time'),
)

/** Any value a property of an event may hold. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  timeValue,
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.dictionary(fc.string(), fc.oneof(hostileText, fc.integer(), fc.boolean(), fc.constant(null))),
  fc.array(fc.oneof(hostileText, fc.integer()), { maxLength: 3 }),
)

const KEYS = ['createdAt', 'a', 'b.c', 'list[0]', 'missing'] as const
const TYPES: readonly (AuditFieldType | undefined)[] = [undefined, 'text', 'datetime', 'severity', 'status', 'email', 'ip', 'number', 'json']

/** Events whose every field holds anything. */
export const anyEvent: fc.Arbitrary<AuditEvent> = fc
  .record({
    id: fc.string({ minLength: 1 }),
    createdAt: timeValue,
    a: anyValue,
    b: fc.record({ c: anyValue }),
    list: fc.array(anyValue, { maxLength: 2 }),
  })
  .map((event) => event as AuditEvent)

/** A data structure of plain dot-path fields (what a Worker can format: no host functions). */
export const plainFields: fc.Arbitrary<AuditField[]> = fc.array(
  fc.record(
    {
      key: fc.constantFrom(...KEYS),
      label: hostileText,
      type: fc.constantFrom(...TYPES),
      exported: fc.boolean(),
      csvRaw: fc.boolean(),
      timeFormat: fc.constantFrom('iso' as const, 'epoch-seconds' as const, 'utc-datetime' as const),
    },
    { requiredKeys: ['key', 'label'] },
  ),
  { maxLength: 7 },
)

/** Host functions: accessors and formats that return odd things or throw. */
const hostFunctions: fc.Arbitrary<Pick<AuditField, 'value' | 'format'>> = fc.oneof(
  fc.constant({ value: (event: AuditEvent) => event.a }),
  fc.constant({
    value: () => {
      throw new Error('accessor failed')
    },
  }),
  fc.constant({ format: (value: unknown) => `=${String(value)}` }),
  fc.constant({ format: (value: unknown) => value as string }),
  fc.constant({
    format: () => {
      throw new Error('format failed')
    },
  }),
)

/** Plain fields mixed with fields that carry host functions. */
export const anyFields: fc.Arbitrary<AuditField[]> = fc
  .tuple(plainFields, fc.array(fc.tuple(fc.nat(7), hostFunctions), { maxLength: 3 }))
  .map(([fields, functions]) => {
    const copy = [...fields]
    for (const [at, extra] of functions) {
      const field = copy[at % Math.max(copy.length, 1)]
      copy.splice(at % (copy.length + 1), 0, { key: field?.key ?? 'a', label: field?.label ?? 'Host', ...extra })
    }
    return copy
  })

/** The zones an export may write in, DST and half-hour offsets included; `undefined` is the runtime's. */
export const timeZone: fc.Arbitrary<string | undefined> = fc.constantFrom(
  'UTC',
  'Etc/UTC',
  'Europe/Prague',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Africa/Abidjan',
  undefined,
)
