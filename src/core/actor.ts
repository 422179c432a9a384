import { getPath } from './path'
import type { AuditEvent, AuditField } from './types'

/** Who acted: a person, a credential acting on its own (an API key, a token, an app), or the product itself. */
export type ActorKind = 'person' | 'api-key' | 'system'

// Words vendors use for an actor's type: Okta's `SystemPrincipal` and `PublicClientApp`, a hosted log's
// `api_key`, GitHub's `[bot]` logins.
const SYSTEM = /system|internal|cron|schedul|automat/i
const CREDENTIAL = /key|token|api|client|service|app|integration|bot|machine/i
const PERSON = /user|person|human|member|admin/i
// Ids of credentials as many products write them: `key_…`, `sk_live_…`, `tok_…`.
const CREDENTIAL_ID = /^(key|sk|pk|ak|api|tok|token)[_-]/i

/** The object path that holds an actor's fields: `user.` for `user.name`, `''` for a top-level `actor`. */
const prefixOf = (key: string): string => key.slice(0, key.lastIndexOf('.') + 1)

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '')

/**
 * The kind of an actor, from the event's own fields beside the actor's name (`<prefix>.type` or `.kind`, then
 * `.id`), then from the name itself: a person unless something says otherwise.
 */
export function actorKind(event: AuditEvent, nameField: AuditField<never>): ActorKind {
  const prefix = prefixOf(nameField.key)
  const type = prefix ? text(getPath(event, `${prefix}type`) ?? getPath(event, `${prefix}kind`)).slice(0, 100) : ''
  if (type) {
    if (SYSTEM.test(type)) return 'system'
    if (CREDENTIAL.test(type)) return 'api-key'
    if (PERSON.test(type)) return 'person'
  }
  if (prefix && CREDENTIAL_ID.test(text(getPath(event, `${prefix}id`)).slice(0, 100))) return 'api-key'
  // A name is a few words: a megabyte "name" is not scanned whole.
  const name = text(getPath(event, nameField.key)).slice(0, 200)
  if (/^system\b|\[bot\]$/i.test(name)) return /\[bot\]$/.test(name) ? 'api-key' : 'system'
  if (/\bapi[ -]?key\b/i.test(name)) return 'api-key'
  return 'person'
}

/** A person's initials from their name (or an email's local part): "Ana Souza" → "AS", "Jiří" → "J"; empty without letters. */
export function initials(name: string): string {
  const words = (name.slice(0, 200).split('@')[0] ?? '').split(/[\s._-]+/).filter((word) => /\p{L}/u.test(word))
  const first = words[0]
  const last = words.length > 1 ? words[words.length - 1] : undefined
  // A word's first letter, not its first character: a bidi override or a zero-width space never becomes a mark.
  return [first, last].map((word) => /\p{L}/u.exec(word ?? '')?.[0].toLocaleUpperCase() ?? '').join('')
}

/**
 * An avatar's address, only when it is one a browser should load as an image from the network: an absolute
 * `https:` or `http:` URL. Anything else (a `javascript:` or `data:` URL, a relative path, a non-string) is not
 * shown, and initials stand in.
 */
export function avatarUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}
