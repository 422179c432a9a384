import { describe, expect, it } from 'vitest'

import { actorKind, avatarUrl, initials } from './actor'

const name = { key: 'actor.name', label: 'Actor' }

describe('actorKind', () => {
  it('reads the type beside the name, as vendors write it', () => {
    expect(actorKind({ id: '1', createdAt: '2026-12-07T10:00:00Z', actor: { name: 'Ana', type: 'user' } }, name)).toBe('person')
    expect(actorKind({ id: '1', createdAt: '2026-12-07T10:00:00Z', actor: { name: 'Deploy key', type: 'api_key' } }, name)).toBe('api-key')
    expect(actorKind({ id: '1', createdAt: '2026-12-07T10:00:00Z', actor: { name: 'Okta', type: 'SystemPrincipal' } }, name)).toBe('system')
    expect(actorKind({ id: '1', createdAt: '2026-12-07T10:00:00Z', actor: { name: 'CLI', type: 'PublicClientApp' } }, name)).toBe('api-key')
  })

  it('falls back to a credential-like id, then to the name', () => {
    expect(actorKind({ id: '1', createdAt: '2026-12-07T10:00:00Z', actor: { name: 'CI', id: 'sk_live_4eC39' } }, name)).toBe('api-key')
    expect(actorKind({ id: '1', createdAt: '2026-12-07T10:00:00Z', actor: { name: 'System' } }, name)).toBe('system')
    expect(actorKind({ id: '1', createdAt: '2026-12-07T10:00:00Z', actor: { name: 'dependabot[bot]' } }, name)).toBe('api-key')
    expect(actorKind({ id: '1', createdAt: '2026-12-07T10:00:00Z', actor: { name: 'Ana Souza', id: 'usr_1' } }, name)).toBe('person')
    expect(actorKind({ id: '1', createdAt: '2026-12-07T10:00:00Z', actor: 'octocat' }, { key: 'actor', label: 'Actor' })).toBe('person')
  })
})

describe('initials', () => {
  it('takes the first and last words’ first letters', () => {
    expect(initials('Ana Souza')).toBe('AS')
    expect(initials('jiří novák')).toBe('JN')
    expect(initials('Mei')).toBe('M')
    expect(initials('ana.souza@example.com')).toBe('AS')
    expect(initials('  42 ')).toBe('')
    expect(initials('\u2067admin\u2069 \uFEFFroot')).toBe('AR')
    // A hostile megabyte name is read by its start only.
    expect(initials(`Ana ${'x'.repeat(10_000_000)} Souza`)).toBe('AX')
  })
})

describe('avatarUrl', () => {
  it('keeps only absolute http(s) addresses', () => {
    expect(avatarUrl('https://avatars.example.com/u/1.png')).toBe('https://avatars.example.com/u/1.png')
    expect(avatarUrl('javascript:alert(1)')).toBeUndefined()
    expect(avatarUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBeUndefined()
    expect(avatarUrl('/relative.png')).toBeUndefined()
    expect(avatarUrl({ src: 'https://x' })).toBeUndefined()
  })
})
