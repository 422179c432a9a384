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
  }).format(ms)
}

export function formatByType(type: AuditFieldType, value: unknown, options: FormatOptions): string {
  if (type === 'datetime') return formatDateTime(value, options)
  if (type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
    return new Intl.NumberFormat(options.locale).format(value)
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

/** Tones of common severity and outcome vocabularies (syslog, Okta, Google Cloud, Azure, Kubernetes, HTTP), by lower-case value. */
const DEFAULT_TONES: Readonly<Record<string, Tone>> = {
  debug: 'neutral',
  verbose: 'neutral',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  low: 'info',
  medium: 'warning',
  moderate: 'warning',
  warn: 'warning',
  warning: 'warning',
  challenge: 'warning',
  high: 'danger',
  critical: 'danger',
  error: 'danger',
  alert: 'danger',
  emergency: 'danger',
  fatal: 'danger',
  success: 'success',
  succeeded: 'success',
  ok: 'success',
  allow: 'success',
  allowed: 'success',
  failed: 'danger',
  failure: 'danger',
  denied: 'danger',
  deny: 'danger',
  forbid: 'danger',
  forbidden: 'danger',
}

/** A field's own tones with lower-case keys, made once per `tones` object. */
const ownTones = new WeakMap<object, ReadonlyMap<string, Tone>>()

function tonesOf(tones: Readonly<Record<string, Tone>>): ReadonlyMap<string, Tone> {
  let map = ownTones.get(tones)
  if (!map) {
    map = new Map(Object.entries(tones).map(([value, tone]) => [value.toLowerCase(), tone]))
    ownTones.set(tones, map)
  }
  return map
}

/** An HTTP status code's tone: 2xx succeeded, 4xx was refused, 5xx failed. */
function httpTone(value: unknown): Tone | undefined {
  const code = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : Number.NaN
  if (!Number.isInteger(code) || code < 100 || code > 599) return undefined
  return code >= 500 ? 'danger' : code >= 400 ? 'warning' : code >= 200 && code < 300 ? 'success' : 'neutral'
}

/**
 * The colour tone of a severity or status badge: the field's own `tones` first (any case), then the defaults
 * for common vocabularies; a status field reads HTTP codes too. The badge always carries its text.
 */
export function toneOf(value: unknown, field?: Pick<AuditField<never>, 'type' | 'tones'>): Tone {
  const text = typeof value === 'string' ? value.toLowerCase() : typeof value === 'number' ? String(value) : null
  if (text === null) return 'neutral'
  const own = field?.tones ? tonesOf(field.tones).get(text) : undefined
  return own ?? DEFAULT_TONES[text] ?? (field?.type === 'status' ? httpTone(value) : undefined) ?? 'neutral'
}
