import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { mergeStoredConfig, toStoredConfig } from './fieldConfig'
import { searchTextOf } from './searchText'
import { getAt } from './path'
import { hiddenKindAt, isHiddenValue, isSecretName, redactEvent, redactorAt, sensitivePolicy } from './sensitive'

const policy = sensitivePolicy([{ key: 'user.email', sensitive: 'personal' }, { key: 'ip', sensitive: true }, { key: 'action' }])

describe('secret-looking names', () => {
  it.each([
    'password',
    'Password',
    'PASSWORD',
    'userPassword',
    'api_key',
    'X-Api-Key',
    'apiKey',
    'client_secret',
    'refreshToken',
    'Authorization',
    'set-cookie',
    'otp',
    'privateKey',
  ])('%s is a secret', (name) => {
    expect(isSecretName(name)).toBe(true)
  })

  it.each(['action', 'resource', 'email', 'title', 'hotpath', 'description'])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false)
  })

  it('is host-extendable', () => {
    expect(isSecretName('ssn', ['ssn'])).toBe(true)
    expect(isSecretName('patientNotes', ['patientnotes'])).toBe(true)
  })
})

describe('redactEvent', () => {
  it('hides secret-named values at any depth, in arrays, with any case, and declared fields by path', () => {
    const event = {
      id: 'e1',
      createdAt: '2026-01-01T00:00:00Z',
      action: 'Login',
      ip: '10.0.0.1',
      user: { name: 'Ana', email: 'ana@example.com' },
      payload: { headers: [{ Authorization: 'Bearer abc' }, { accept: 'json' }], deep: { a: { b: { PASSWORD: 'hunter2', note: 'ok' } } } },
    }
    const hidden = redactEvent(event, policy)
    expect(hidden).toEqual({
      id: 'e1',
      createdAt: '2026-01-01T00:00:00Z',
      action: 'Login',
      ip: { $hidden: 'personal' },
      user: { name: 'Ana', email: { $hidden: 'personal' } },
      payload: {
        headers: [{ Authorization: { $hidden: 'secret' } }, { accept: 'json' }],
        deep: { a: { b: { PASSWORD: { $hidden: 'secret' }, note: 'ok' } } },
      },
    })
    expect(JSON.stringify(hidden)).not.toMatch(/hunter2|abc|ana@example|10\.0\.0\.1/)
    // The original is untouched; unchanged parts are shared.
    expect(event.user.email).toBe('ana@example.com')
    expect(hidden.payload.headers[1]).toBe(event.payload.headers[1])
  })

  it('never lets a secret value through, whatever the shape (property)', () => {
    const secret = 'S3CRET-VALUE-XYZ'
    const name = fc.constantFrom('password', 'apiKey', 'X-Auth-Token', 'client_secret', 'Cookie')
    const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 5 }), tie('node'), { maxKeys: 3 }),
        name.map((key) => ({ [key]: secret })),
      ),
    })).node
    fc.assert(
      fc.property(tree, (payload) => {
        expect(JSON.stringify(redactEvent({ id: 'x', createdAt: 0, payload }, policy))).not.toContain(secret)
      }),
    )
  })

  it('drops the kept original of a mark on a hidden value', () => {
    const event = {
      id: 'e',
      createdAt: 0,
      password: 'a\ufffdb',
      marks: [
        { path: 'password', kind: 'replaced', original: '"a\\u0000b"' },
        { path: 'note', kind: 'replaced', original: '"x"' },
      ],
    }
    expect(redactEvent(event, policy).marks).toEqual([
      { path: 'password', kind: 'replaced' },
      { path: 'note', kind: 'replaced', original: '"x"' },
    ])
  })

  it('tells which paths reach a hidden value, above or below a sensitive field', () => {
    expect(hiddenKindAt(['user', 'email'], policy)).toBe('personal')
    expect(hiddenKindAt(['user'], policy)).toBe('personal')
    expect(hiddenKindAt(['user', 'email', 'domain'], policy)).toBe('personal')
    expect(hiddenKindAt(['payload', 'apiKey'], policy)).toBe('secret')
    expect(hiddenKindAt(['user', 'name'], policy)).toBeNull()
    expect(isHiddenValue({ $hidden: 'secret' })).toBe(true)
    expect(isHiddenValue({ $hidden: 'secret', more: 1 })).toBe(false)
  })

  it('the free text of an event leaves secrets out', () => {
    expect(searchTextOf({ a: 'Visible', password: 'hunter2' }, (name) => isSecretName(name))).toBe('visible')
  })
})

describe('redactorAt', () => {
  it('hides the value at a path as redactEvent does and reading the path after (property)', () => {
    const name = fc.constantFrom('user', 'email', 'token', 'payload', 'apiKey', 'note', 'a', 'b', '$hidden')
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(''), fc.boolean())
    const value = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.dictionary(name, tie('value'), { maxKeys: 3 }), fc.array(tie('value'), { maxLength: 2 })),
    })).value
    const path = fc.array(name, { minLength: 1, maxLength: 4 })
    const fields = fc.array(
      fc.record({
        key: fc.array(name, { minLength: 1, maxLength: 3 }).map((steps) => steps.join('.')),
        sensitive: fc.constantFrom(true, 'secret' as const),
      }),
      { maxLength: 2 },
    )
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 4 }), path, fields, (data, segments, sensitive) => {
        const policy = sensitivePolicy(sensitive)
        const event = { id: '1', createdAt: 0, ...data }
        const stored = getAt(event, segments)
        const expected = getAt(redactEvent(event, policy), segments)
        const redact = redactorAt(segments, policy)
        expect(redact).not.toBeNull()
        // A path through "$hidden" of a missing value is the one thing only the whole event knows.
        if (stored === undefined && segments.includes('$hidden')) return
        expect(redact?.(stored)).toEqual(expected)
      }),
      { numRuns: 3000 },
    )
  })

  it('leaves array items and marks to the whole event', () => {
    expect(redactorAt(['sourceIPs', '0'], sensitivePolicy([]))).toBeNull()
    expect(redactorAt(['marks'], sensitivePolicy([]))).toBeNull()
  })
})

describe('a stored data structure', () => {
  it('can mark a field sensitive but never unmark one that code marked', () => {
    const code = [
      { key: 'user.email', label: 'Email', sensitive: 'personal' as const },
      { key: 'ip', label: 'IP' },
    ]
    const stored = [
      { key: 'user.email', label: 'Email', sensitive: false },
      { key: 'ip', label: 'IP', sensitive: 'secret' },
    ]
    const merged = mergeStoredConfig(code, stored)
    expect(merged.map((field) => [field.key, field.sensitive])).toEqual([
      ['user.email', 'personal'],
      ['ip', 'secret'],
    ])
    expect(toStoredConfig(merged)).toEqual([
      { key: 'user.email', label: 'Email', sensitive: 'personal' },
      { key: 'ip', label: 'IP', sensitive: 'secret' },
    ])
  })
})
