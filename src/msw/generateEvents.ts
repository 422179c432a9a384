import type { AuditEvent } from '../core/types'
import { hostileStrings } from './hostileStrings'
import { pick, pickWeighted, type Random, seededRandom } from './random'

/** A generated event: every property of both source products (see `defaultFields`). */
export interface GeneratedAuditEvent extends AuditEvent {
  createdAt: string
  severity: 'Info' | 'Medium' | 'High' | 'Critical' | 'Error'
  action: string
  resource: string
  module: string
  result: 'success' | 'failed'
  user: { id: string; name: string; email: string; permissionId: string }
  tenantId: string
  ip: string
  environment: string
  locale: string
  payload: Record<string, unknown>
}

export interface GenerateEventsOptions {
  /** How many events. Defaults to `500`. */
  count?: number
  /** Same seed, same log. Defaults to `1`. */
  seed?: number
  /** The newest event's time (epoch ms or a Date). Defaults to now, so presets such as "last 24 hours" find events. */
  end?: number | Date
  /** How far back the log reaches, in days. Defaults to `30`. */
  spanDays?: number
  /** Tenants to spread events over. Defaults to three. */
  tenants?: readonly string[]
  /** Every n-th event carries a hostile string in a name, title or resource; `0` for none. Defaults to `25`. */
  hostileEvery?: number
}

// What each event did, as a product's log names it to its customers: the object and what happened to it.
const ACTIVITIES = [
  { module: 'auth', resource: 'Portal', actions: ['Signed in', 'Signed out', 'Password reset', 'MFA enabled'] },
  { module: 'users', resource: 'Users', actions: ['User invited', 'User removed', 'Role assigned', 'Profile updated'] },
  { module: 'content', resource: 'Content', actions: ['Page published', 'Page deleted', 'Draft saved'] },
  { module: 'billing', resource: 'Billing', actions: ['Subscription upgraded', 'Invoice downloaded', 'Payment method changed'] },
  { module: 'security', resource: 'Settings', actions: ['API key created', 'API key revoked', 'SSO settings updated'] },
] as const

const PEOPLE = [
  ['Ana Souza', 'ana.souza'],
  ['Jiří Novák', 'jiri.novak'],
  ['Priya Raman', 'priya.raman'],
  ['Noah Williams', 'noah.williams'],
  ['Mei Tanaka', 'mei.tanaka'],
  ['Omar Haddad', 'omar.haddad'],
  ['Lena Schmidt', 'lena.schmidt'],
  ['Tama Ngata', 'tama.ngata'],
] as const

const SEVERITIES = [
  ['Info', 60],
  ['Medium', 20],
  ['High', 10],
  ['Error', 6],
  ['Critical', 4],
] as const

const ENVIRONMENTS = ['production', 'production', 'staging', 'development'] as const
const LOCALES = ['en-US', 'de-DE', 'pt-BR', 'cs-CZ', 'ja-JP', 'ar-EG'] as const
const DEFAULT_TENANTS = ['acme', 'globex', 'initech'] as const
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

const randomId = (random: Random, length: number): string => Array.from({ length }, () => pick(random, ID_ALPHABET.split(''))).join('')

function randomIp(random: Random): string {
  if (random() < 0.1) {
    return `2001:db8:${Array.from({ length: 3 }, () => Math.floor(random() * 65536).toString(16)).join(':')}::1`
  }
  return Array.from({ length: 4 }, (_, index) => Math.floor(random() * (index === 0 ? 223 : 256)) + (index === 0 ? 1 : 0)).join('.')
}

function payloadFor(random: Random, module: string, action: string): Record<string, unknown> {
  const id = randomId(random, 8)
  if (module === 'content') {
    return {
      id,
      title: pick(random, ['Home page', 'Quarterly report', 'Pricing', 'Release notes 4.2', 'Über uns']),
      schema: pick(random, ['pages', 'posts', 'products']),
      changes: { before: { status: 'draft', revision: 3 }, after: { status: 'published', revision: 4 } },
    }
  }
  if (module === 'billing') {
    return { id, plan: pick(random, ['Starter', 'Team', 'Enterprise']), amount: { value: Math.round(random() * 99_900) / 100, currency: 'EUR' } }
  }
  if (module === 'auth') {
    return { method: pick(random, ['password', 'sso', 'magic-link']), userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', mfa: random() < 0.7 }
  }
  return { id, summary: `${action} (${pick(random, ['via portal', 'via API', 'via SCIM'])})`, tags: ['admin', pick(random, ['bulk', 'single'])] }
}

/**
 * A realistic, seeded audit log, newest first: varied severities, actions and results, nested payloads,
 * and (by default) a few hostile strings. For demos, stories and tests.
 */
export function generateAuditEvents(options: GenerateEventsOptions = {}): GeneratedAuditEvent[] {
  const { count = 500, seed = 1, spanDays = 30, tenants = DEFAULT_TENANTS, hostileEvery = 25 } = options
  const end = options.end === undefined ? Date.now() : Number(options.end)
  const random = seededRandom(seed)
  const people = PEOPLE.map(([name, handle]) => ({
    id: randomId(random, 28),
    name,
    email: `${handle}@example.com`,
    permissionId: randomId(random, 20),
  }))
  const meanGap = (spanDays * 86_400_000) / Math.max(count, 1)
  let time = end
  const events: GeneratedAuditEvent[] = []
  for (let index = 0; index < count; index += 1) {
    const activity = pick(random, ACTIVITIES)
    const action = pick(random, activity.actions)
    const result = random() < 0.9 ? 'success' : 'failed'
    const severity = result === 'failed' && random() < 0.5 ? 'High' : pickWeighted(random, SEVERITIES)
    const user: GeneratedAuditEvent['user'] = { ...pick(random, people) }
    const event: GeneratedAuditEvent = {
      id: `evt_${seed.toString(36)}_${index.toString(36).padStart(5, '0')}`,
      createdAt: new Date(Math.round(time)).toISOString(),
      severity,
      action,
      resource: activity.resource,
      module: activity.module,
      result,
      user,
      tenantId: pick(random, tenants),
      ip: randomIp(random),
      environment: pick(random, ENVIRONMENTS),
      locale: pick(random, LOCALES),
      payload: payloadFor(random, activity.module, action),
    }
    if (hostileEvery > 0 && index % hostileEvery === hostileEvery - 1) {
      const hostile = hostileStrings[Math.floor(index / hostileEvery) % hostileStrings.length] ?? ''
      const target = Math.floor(index / hostileEvery) % 3
      if (target === 0) user.name = hostile
      else if (target === 1) event.payload = { ...event.payload, title: hostile, [hostile]: 'HTML in a key' }
      else event.resource = hostile
    }
    events.push(event)
    time -= meanGap * (0.2 + random() * 1.6)
  }
  return events
}
