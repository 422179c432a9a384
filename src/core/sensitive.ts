import { parsePath } from './path'

/** Why a value is hidden: personal data (an e-mail, an IP) or a secret (a token, a password). */
export type SensitiveKind = 'personal' | 'secret'

/** What a backend sends in place of a value the viewer may not see: `{ "$hidden": "personal" }`. */
export interface HiddenValue {
  $hidden: SensitiveKind
}

/**
 * Property names that are secrets wherever they appear in an event, compared without case, `-` or `_`, as a
 * part of the name (`apiKey`, `X-Api-Key`, `client_secret`, `refreshToken`). Extend it with `sensitiveNames`.
 */
export const DEFAULT_SENSITIVE_NAMES: readonly string[] = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'authorization',
  'cookie',
  'privatekey',
  'credential',
  'sessionid',
  'mfacode',
  'otp',
]

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export const isHiddenValue = (value: unknown): value is HiddenValue =>
  isRecord(value) && Object.keys(value).length === 1 && (value.$hidden === 'personal' || value.$hidden === 'secret')

export const hiddenValue = (kind: SensitiveKind): HiddenValue => ({ $hidden: kind })

const normalise = (name: string): string => name.toLowerCase().replace(/[-_\s.]/g, '')

/** Whether a property name looks like a secret (see `DEFAULT_SENSITIVE_NAMES`). `otp` matches only as the whole name. */
export function isSecretName(name: string, names: readonly string[] = DEFAULT_SENSITIVE_NAMES): boolean {
  const plain = normalise(name)
  return names.some((candidate) => {
    const wanted = normalise(candidate)
    return wanted.length <= 3 ? plain === wanted : plain.includes(wanted)
  })
}

/** Which values of events are hidden: fields by path (with their kind), and secret-looking names anywhere. */
export interface SensitivePolicy {
  paths: ReadonlyArray<{ path: readonly string[]; kind: SensitiveKind }>
  names: readonly string[]
}

/** The policy of a data structure: its fields marked `sensitive`, and the secret names. */
export function sensitivePolicy(
  fields: ReadonlyArray<{ key: string; sensitive?: boolean | SensitiveKind | undefined }>,
  names: readonly string[] = DEFAULT_SENSITIVE_NAMES,
): SensitivePolicy {
  const paths = fields.flatMap((field) => {
    if (!field.sensitive) return []
    const path = parsePath(field.key)
    return path ? [{ path, kind: field.sensitive === true ? ('personal' as const) : field.sensitive }] : []
  })
  return { paths, names }
}

const startsWith = (segments: readonly string[], prefix: readonly string[]): boolean =>
  prefix.length <= segments.length && prefix.every((segment, index) => segments[index] === segment)

/**
 * Whether a path reaches a hidden value (its kind), or `null`: a path at or below a sensitive field, a path
 * above one (its object holds the value), or any step named like a secret.
 */
export function hiddenKindAt(segments: readonly string[], policy: SensitivePolicy): SensitiveKind | null {
  if (segments.some((segment) => isSecretName(segment, policy.names))) return 'secret'
  for (const { path, kind } of policy.paths) if (startsWith(segments, path) || startsWith(path, segments)) return kind
  return null
}

/**
 * The event as a person without a recorded reveal may see it: each value of a sensitive field and of every
 * secret-named property (at any depth, in arrays too) replaced by `{ $hidden: kind }`, and a mark's kept
 * original dropped where its value is hidden. Never changes `event`; shares what it does not change.
 */
export function redactEvent<TEvent extends object>(event: TEvent, policy: SensitivePolicy): TEvent {
  const redacted = redactValue(event, [], policy, 0) as TEvent
  return redactMarks(redacted, policy)
}

const MAX_DEPTH = 200

function redactValue(value: unknown, segments: string[], policy: SensitivePolicy, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value
    const next = items.map((item, index) => redactValue(item, [...segments, String(index)], policy, depth + 1))
    return next.some((item, index) => item !== items[index]) ? next : value
  }
  let copy: Record<string, unknown> | null = null
  for (const [key, item] of Object.entries(value)) {
    const path = [...segments, key]
    const field = policy.paths.find((entry) => entry.path.length === path.length && startsWith(path, entry.path))
    const kind = isSecretName(key, policy.names) ? 'secret' : field?.kind
    const next = kind && item !== undefined && item !== null && item !== '' ? hiddenValue(kind) : redactValue(item, path, policy, depth + 1)
    if (next !== item) {
      copy ??= { ...value }
      Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true })
    }
  }
  return copy ?? value
}

function redactMarks<TEvent extends object>(event: TEvent, policy: SensitivePolicy): TEvent {
  const marks = (event as { marks?: unknown }).marks
  if (!Array.isArray(marks) || marks.length === 0) return event
  const kept = marks.map((mark: unknown) => {
    if (!isRecord(mark) || typeof mark.path !== 'string') return mark
    const path = parsePath(mark.path)
    if (path && hiddenKindAt(path, policy) === null) return mark
    const { original: _original, sha256: _sha256, ...rest } = mark
    return rest
  })
  return { ...event, marks: kept }
}
