import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { FieldValue } from './FieldValue'

const event = {
  id: 'a',
  createdAt: '2026-01-01T00:00:00.000Z',
  sourceIPs: ['172.31.51.172', '10.0.0.1'],
  annotations: { 'authorization.k8s.io/decision': 'allow' },
  payload: { big: 'x'.repeat(10_000) },
}

const text = (field: Parameters<typeof FieldValue>[0]['field']): string =>
  render(<FieldValue field={field} event={event} format={{ locale: 'en-US', timeZone: 'UTC' }} />).container.textContent

describe('FieldValue', () => {
  it('shows a list of plain values as a list, not as JSON, except in a json field', () => {
    expect(text({ key: 'sourceIPs', label: 'IPs', type: 'ip' })).toBe('172.31.51.172, 10.0.0.1')
    expect(text({ key: 'sourceIPs', label: 'IPs', type: 'json' })).toBe('["172.31.51.172","10.0.0.1"]')
  })

  it('reads a name with dots by its bracketed path, and an array item by index', () => {
    expect(text({ key: 'annotations["authorization.k8s.io/decision"]', label: 'Decision' })).toBe('allow')
    expect(text({ key: 'sourceIPs[1]', label: 'Second IP', type: 'ip' })).toBe('10.0.0.1')
  })

  it('shows the start of a large object, cut', () => {
    const shown = text({ key: 'payload', label: 'Payload', type: 'json' })
    expect(shown.startsWith('{"big":"xxx')).toBe(true)
    expect(shown.length).toBeLessThanOrEqual(161)
  })
})
