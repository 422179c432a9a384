import { describe, expect, it } from 'vitest'

import { defineFields } from './defineFields'

type Deploy = {
  id: string
  createdAt: string
  service: { name: string; region: string }
  durationMs: number
}

describe('defineFields', () => {
  it('accepts dot paths of the event type and custom accessors', () => {
    const fields = defineFields<Deploy>()([
      { key: 'service.name', label: 'Service' },
      { key: 'durationMs', label: 'Duration', type: 'number' },
      { key: 'speed', label: 'Speed', value: (event) => event.durationMs / 1000 },
    ])
    expect(fields.map((field) => field.key)).toEqual(['service.name', 'durationMs', 'speed'])
  })

  it('rejects a key that is not a path of the event type (checked by tsc in `npm test`)', () => {
    const fields = defineFields<Deploy>()([
      // @ts-expect-error 'service.nmae' is not a path of Deploy
      { key: 'service.nmae', label: 'Typo' },
    ])
    expect(fields).toHaveLength(1)
  })
})
