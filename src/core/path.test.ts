import { describe, expect, it } from 'vitest'

import { getAt, getPath, isValidPath, parsePath } from './path'

describe('getPath', () => {
  it('reads nested own properties, one level per segment', () => {
    expect(getPath({ user: { email: 'a@example.com' } }, 'user.email')).toBe('a@example.com')
    expect(getPath({ user: null }, 'user.email')).toBeUndefined()
    expect(getPath('text', 'length')).toBeUndefined()
    expect(getPath({}, 'toString')).toBeUndefined()
  })

  it('never reads a property whose name holds dots for a path: it cannot pose as the nested value', () => {
    const spoof = { user: { email: 'real@example.com' }, 'user.email': 'ceo@example.com' }
    expect(getPath(spoof, 'user.email')).toBe('real@example.com')
    expect(getPath({ 'user.email': 'ceo@example.com' }, 'user.email')).toBeUndefined()
    // Read by its own name, it is there.
    expect(getAt(spoof, ['user.email'])).toBe('ceo@example.com')
  })

  it('takes only dot paths that reach no prototype', () => {
    expect(isValidPath('user.email')).toBe(true)
    expect(isValidPath('user..email')).toBe(false)
    expect(isValidPath('__proto__.polluted')).toBe(false)
  })

  it('reaches names with dots, slashes or spaces by brackets, and array items by index', () => {
    const k8s = {
      annotations: { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': 'RBAC' },
      sourceIPs: ['172.31.51.172', '10.0.0.1'],
      claims: { 'https://example.com/roles': ['admin'] },
    }
    expect(getPath(k8s, 'annotations["authorization.k8s.io/decision"]')).toBe('allow')
    expect(getPath(k8s, "annotations['authorization.k8s.io/reason']")).toBe('RBAC')
    expect(getPath(k8s, 'sourceIPs[0]')).toBe('172.31.51.172')
    expect(getPath(k8s, 'sourceIPs[1]')).toBe('10.0.0.1')
    expect(getPath(k8s, 'claims["https://example.com/roles"][0]')).toBe('admin')
    expect(parsePath('a["say \\"hi\\""].b')).toEqual(['a', 'say "hi"', 'b'])
    // The literal dotted name is reached only when asked for by its bracketed name.
    expect(getPath({ 'user.email': 'ceo@example.com' }, '["user.email"]')).toBeUndefined()
    expect(isValidPath('annotations["authorization.k8s.io/decision"]')).toBe(true)
    for (const bad of ['a[', 'a["x]', 'a[x]', 'a b', '[0]', 'a.["x"]', 'a["__proto__"].b', 'a[0].constructor']) {
      expect(isValidPath(bad), bad).toBe(false)
    }
  })
})
