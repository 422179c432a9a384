import { fieldValue } from './fields'
import { dateTimeFormatter, toEpochMs } from './time'
import type { AuditEvent, AuditField, AuditFieldType, Tone } from './types'

export type { Tone } from './types'

export interface FormatOptions {
  /** BCP 47 locale for dates and numbers; the runtime's default when absent. */
  locale?: string
  /** IANA time zone or `UTC`; the runtime's default when absent. */
  timeZone?: string
}

// Bidi embeddings, overrides and isolates, and invisible zero-width spaces and word joiners: characters that
// make text read differently from what it is ("Robert\u202Eexe.pdf" shows as "Robertfdp.exe"). Joiners
// (U+200C/U+200D, used by emoji and many scripts) and the plain direction marks are left alone.
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g

/**
 * Text with its hiding characters shown as `[U+202E]`, for display only: a forensic viewer shows what is
 * there. CSV and copied values keep the original characters.
 */
export const revealHidden = (text: string): string =>
  text.replace(HIDDEN, (character) => `[U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`)

/** Whether a value counts as missing: shown as an empty cell, never as "undefined". */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === ''
}

const bigintAsText = (_key: string, inner: unknown): unknown => (typeof inner === 'bigint' ? inner.toString() : inner)

// JSON.stringify gives undefined (despite its type) for undefined and functions.
const stringify = JSON.stringify as (value: unknown, replacer: typeof bigintAsText | null, space?: number) => string | undefined

function toJson(value: unknown, space?: number): string {
  try {
    // Without a replacer first: a replacer makes every call several times slower, and BigInt is rare.
    return stringify(value, null, space) ?? ''
  } catch {
    try {
      return stringify(value, bigintAsText, space) ?? ''
    } catch {
      return '[unserialisable value]'
    }
  }
}

/** Compact JSON that never throws (cycles become a readable marker, BigInt its digits). */
export const toCompactJson = (value: unknown): string => toJson(value)

/** Indented JSON that never throws, for copying. */
export const toPrettyJson = (value: unknown): string => toJson(value, 2)

/** Locale date and time with seconds, in the chosen zone. */
export function formatDateTime(value: unknown, options: FormatOptions = {}): string {
  const ms = toEpochMs(value)
  if (ms === null) return typeof value === 'string' ? value : toCompactJson(value)
  return dateTimeFormatter(options.locale, options.timeZone, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
    // A year before 1 or beyond 9999 reads as a mistake or another date without its era.
    era: Math.abs(new Date(ms).getUTCFullYear() - 5000) > 4999 ? 'short' : undefined,
  }).format(ms)
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/** A number in a locale, by a cached `Intl.NumberFormat`: building one costs far more than using it. */
export function formatNumber(value: number, locale: string | undefined): string {
  const key = locale ?? ''
  let formatter = numberFormats.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale)
    numberFormats.set(key, formatter)
  }
  return formatter.format(value)
}

export function formatByType(type: AuditFieldType, value: unknown, options: FormatOptions): string {
  if (type === 'datetime') return formatDateTime(value, options)
  if (type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
    return formatNumber(value, options.locale)
  }
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return toCompactJson(value)
}

/** A cell's text; `failed` when the host's `value` or `format` threw for it (the text is then what shows without it). */
export interface CellText {
  text: string
  failed: boolean
}

/**
 * A field's text for a value: the host's `format` (whatever it returns becomes text), else `byType`. A
 * `format` that throws on an unexpected value gives `byType`'s text, marked `failed`. Shared by the table,
 * the drawer and the CSV, so they tolerate the same.
 */
export function cellText<TEvent extends AuditEvent>(
  field: AuditField<TEvent>,
  value: unknown,
  event: TEvent,
  byType: (value: unknown) => string,
): CellText {
  if (field.format) {
    try {
      // Typed as a string, but a host's JavaScript may return anything.
      const text: unknown = field.format(value, event)
      return { text: typeof text === 'string' ? text : isMissing(text) ? '' : formatByType('text', text, {}), failed: false }
    } catch {
      return { text: isMissing(value) ? '' : byType(value), failed: true }
    }
  }
  return { text: isMissing(value) ? '' : byType(value), failed: false }
}

/** The text of a value as a field shows it: its own `format`, else by its type. Missing values give `''`. */
export function formatValue<TEvent extends AuditEvent>(
  field: AuditField<TEvent>,
  value: unknown,
  event: TEvent,
  options: FormatOptions = {},
): string {
  return cellText(field, value, event, (present) => formatByType(field.type ?? 'text', present, options)).text
}

/** The text of a field for one event. */
export function formatField<TEvent extends AuditEvent>(field: AuditField<TEvent>, event: TEvent, options: FormatOptions = {}): string {
  return formatValue(field, fieldValue(field, event), event, options)
}

/** Tones of common severity and outcome vocabularies (syslog, Okta, Google Cloud, Azure, Kubernetes), by lower-case value. */
const DEFAULT_TONES = new Map<string, Tone>(
  Object.entries({
    neutral: 'debug verbose',
    info: 'info information informational notice low',
    warning: 'medium moderate warn warning challenge',
    danger: 'high critical error alert emergency fatal failed failure denied deny forbid forbidden',
    success: 'success succeeded ok allow allowed',
  }).flatMap(([tone, words]) => words.split(' ').map((word) => [word, tone as Tone] as const)),
)

const LEVELS = new Map<string, number>(
  [
    'debug verbose',
    'low info information informational notice',
    'medium moderate warn warning',
    'high error severe',
    'critical alert emergency fatal',
  ].flatMap((words, level) => words.split(' ').map((word) => [word, level] as const)),
)
const TONE_LEVELS: Partial<Record<Tone, number>> = { info: 1, warning: 2, danger: 3 }

/**
 * Where a severity sits on a scale of 0 (debug) to 4 (critical), drawn as bars beside its word so the grade
 * does not rest on colour: a known word's level, else its tone's.
 */
export function severityLevel(value: unknown, field?: Pick<AuditField<never>, 'type' | 'tones'>): number {
  const level = typeof value === 'string' ? LEVELS.get(value.toLowerCase()) : undefined
  return level ?? TONE_LEVELS[toneOf(value, field)] ?? 0
}

/** The tone of an HTTP status code by its first digit: 2xx succeeded, 4xx was refused, 5xx failed. */
const HTTP_TONES: Readonly<Record<string, Tone>> = { 2: 'success', 4: 'warning', 5: 'danger' }

const httpTone = (text: string): Tone | undefined => (/^[1-5]\d\d$/.test(text) ? (HTTP_TONES[text.charAt(0)] ?? 'neutral') : undefined)

/**
 * The colour tone of a severity or status badge: the field's own `tones` first (any case), then the defaults
 * for common vocabularies; a status field reads HTTP codes too. The badge always carries its text.
 */
export function toneOf(value: unknown, field?: Pick<AuditField<never>, 'type' | 'tones'>): Tone {
  const text = typeof value === 'string' ? value.toLowerCase() : typeof value === 'number' ? String(value) : null
  if (text === null) return 'neutral'
  // A field's own tones are a handful: looked through, not indexed.
  const own = field?.tones && Object.entries(field.tones).find(([key]) => key.toLowerCase() === text)?.[1]
  return own ?? DEFAULT_TONES.get(text) ?? (field?.type === 'status' ? httpTone(text) : undefined) ?? 'neutral'
}
