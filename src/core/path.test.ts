import { describe, expect, it } from 'vitest'

import { getAt, getPath, isValidPath } from './path'

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
})
