import { getAt, parsePath } from './path'
import { isRecord } from './isRecord'

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

export const isHiddenValue = (value: unknown): value is HiddenValue =>
  isRecord(value) && Object.keys(value).length === 1 && (value.$hidden === 'personal' || value.$hidden === 'secret')

export const hiddenValue = (kind: SensitiveKind): HiddenValue => ({ $hidden: kind })

const normalise = (name: string): string => name.toLowerCase().replace(/[-_\s.]/g, '')

/** What `isSecretName` answered, per list of names: an event log uses a few property names millions of times. */
const secretAnswers = new WeakMap<readonly string[], Map<string, boolean>>()
const REMEMBERED_NAMES = 10_000

/** Whether a property name looks like a secret (see `DEFAULT_SENSITIVE_NAMES`). `otp` matches only as the whole name. */
export function isSecretName(name: string, names: readonly string[] = DEFAULT_SENSITIVE_NAMES): boolean {
  let known = secretAnswers.get(names)
  if (!known) {
    known = new Map()
    secretAnswers.set(names, known)
  }
  const answer = known.get(name)
  if (answer !== undefined) return answer
  const plain = normalise(name)
  const secret = names.some((candidate) => {
    const wanted = normalise(candidate)
    return wanted.length <= 3 ? plain === wanted : plain.includes(wanted)
  })
  if (known.size < REMEMBERED_NAMES) known.set(name, secret)
  return secret
}

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

const ARRAY_INDEX = /^\d+$/

/**
 * What `redactEvent` leaves at one path of an event, as a function of the value stored there: for a reader
 * that has only that value (an export's column read by the database), so no whole event is walked. `null` when
 * the path goes through an array item or the marks (read those from the whole event). A path through a hidden
 * value reads into its placeholder, as it would in the redacted event.
 */
export function redactorAt(segments: readonly string[], policy: SensitivePolicy): ((value: unknown) => unknown) | null {
  if (segments.length === 0 || segments[0] === 'marks' || segments.some((segment) => ARRAY_INDEX.test(segment))) return null
  for (let index = 0; index < segments.length; index += 1) {
    const prefix = segments.slice(0, index + 1)
    const field = policy.paths.find((entry) => entry.path.length === prefix.length && startsWith(prefix, entry.path))
    const kind = isSecretName(segments[index] ?? '', policy.names) ? 'secret' : field?.kind
    if (!kind) continue
    const rest = segments.slice(index + 1)
    const hidden = hiddenValue(kind)
    // At the path, a missing value stays as it is; above it, a stored value means its holder was stored.
    if (rest.length === 0) return (value) => (value === undefined || value === null || value === '' ? value : hiddenValue(kind))
    return (value) => (value === undefined ? value : getAt(hidden, rest))
  }
  const path = [...segments]
  return (value) => (typeof value === 'object' && value !== null ? redactValue(value, path, policy, path.length) : value)
}

function redactValue(value: unknown, segments: string[], policy: SensitivePolicy, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value
    const next = items.map((item, index) => redactValue(item, [...segments, String(index)], policy, depth + 1))
    return next.some((item, index) => item !== items[index]) ? next : value
  }
  let copy: Record<string, unknown> | null = null
  for (const [key, item] of Object.entries(value)) {
    // The path is made only where it is needed (a field to match, a value to go into): this runs for every key.
    const path = policy.paths.length > 0 || (typeof item === 'object' && item !== null) ? [...segments, key] : segments
    const field =
      policy.paths.length > 0 ? policy.paths.find((entry) => entry.path.length === path.length && startsWith(path, entry.path)) : undefined
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
