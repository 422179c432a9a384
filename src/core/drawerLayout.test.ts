import { describe, expect, it } from 'vitest'

import { drawerLayout } from './drawerLayout'
import { defaultFields } from './fields'

const keys = (fields: readonly { key: string }[]): string[] => fields.map((field) => field.key)

describe('drawerLayout', () => {
  it('reads the header, what happened, the context and the payload from the default fields', () => {
    const layout = drawerLayout(defaultFields)
    expect(layout.actorName?.key).toBe('user.name')
    expect(layout.actorEmail?.key).toBe('user.email')
    expect(layout.result?.key).toBe('result')
    expect(keys(layout.context)).toEqual(['tenantId', 'ip', 'environment', 'locale'])
    expect(keys(layout.payload)).toEqual(['payload'])
    expect(keys(layout.happened)).toEqual([
      'severity',
      'action',
      'resource',
      'module',
      'result',
      'user.name',
      'user.email',
      'user.id',
      'user.permissionId',
    ])
  })

  it("reads a vendor's fields alike (Okta)", () => {
    const layout = drawerLayout([
      { key: 'createdAt', type: 'datetime' },
      { key: 'actor.displayName' },
      { key: 'actor.alternateId', type: 'email' },
      { key: 'outcome.result', type: 'status' },
      { key: 'client.ipAddress', type: 'ip' },
      { key: 'client.userAgent.rawUserAgent' },
    ] as const)
    expect(layout.actorName?.key).toBe('actor.displayName')
    expect(layout.actorEmail?.key).toBe('actor.alternateId')
    expect(layout.result?.key).toBe('outcome.result')
    expect(keys(layout.context)).toEqual(['client.ipAddress', 'client.userAgent.rawUserAgent'])
  })
})
