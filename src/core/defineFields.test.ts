import { describe, expect, expectTypeOf, it } from 'vitest'

import { defineFields } from './defineFields'
import type { EventPath } from './eventPath'

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

type K8sAudit = {
  id: string
  createdAt: string
  annotations: Record<string, string>
  sourceIPs: string[]
  objectRef?: { resource: string; subresource?: string }
  responseStatus: { details: { causes: Array<{ field: string }> } }
  'odd.key': { inner: string }
}

describe('defineFields: paths with indexes and bracketed keys', () => {
  it('accepts bracketed keys, indexes and paths on from them, as getPath reads them', () => {
    const fields = defineFields<K8sAudit>()([
      { key: 'annotations["authorization.k8s.io/decision"]', label: 'Decision' },
      { key: 'annotations.app', label: 'App' },
      { key: 'sourceIPs[0]', label: 'Source IP', type: 'ip' },
      { key: 'objectRef.subresource', label: 'Subresource' },
      { key: 'responseStatus.details.causes[0].field', label: 'Cause' },
      { key: '["odd.key"]', label: 'Odd', value: (event) => event['odd.key'].inner },
    ])
    expect(fields).toHaveLength(6)
    expectTypeOf<'sourceIPs[1]'>().toExtend<EventPath<K8sAudit>>()
    expectTypeOf<'annotations["k8s.io/x"]'>().toExtend<EventPath<K8sAudit>>()
    expectTypeOf<'objectRef["resource"]'>().toExtend<EventPath<K8sAudit>>()
  })

  it('rejects what is no path of the type (checked by tsc in `npm test`)', () => {
    expectTypeOf<'sourceIPs[0].x'>().not.toExtend<EventPath<K8sAudit>>()
    expectTypeOf<'sourceIPs.first'>().not.toExtend<EventPath<K8sAudit>>()
    expectTypeOf<'objectRef["nope"]'>().not.toExtend<EventPath<K8sAudit>>()
    // A key with a dot is reached only in brackets, and never as a top-level name.
    expectTypeOf<'odd.key.inner'>().not.toExtend<EventPath<K8sAudit>>()
    const fields = defineFields<K8sAudit>()([
      // @ts-expect-error 'sourceIPs[0].x': a string has no property x
      { key: 'sourceIPs[0].x', label: 'Typo' },
      // @ts-expect-error 'annotation' is not a property of K8sAudit
      { key: 'annotation["k8s.io/x"]', label: 'Typo' },
      // @ts-expect-error 'responseStatus.details.causes[0].feild' is misspelt
      { key: 'responseStatus.details.causes[0].feild', label: 'Typo' },
    ])
    expect(fields).toHaveLength(3)
  })
})
