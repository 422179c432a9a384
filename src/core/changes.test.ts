import { describe, expect, it } from 'vitest'

import { findChanges } from './changes'
import { events as azure } from '../../test/fixtures/vendors/azure-activity'

describe('findChanges', () => {
  it('pairs before/after objects key by key, marking each row', () => {
    expect(
      findChanges({
        id: 'x',
        changes: { before: { status: 'draft', revision: 3, gone: 1 }, after: { status: 'published', revision: 3, added: true } },
      }),
    ).toEqual([
      { field: 'status', before: 'draft', after: 'published', kind: 'changed' },
      { field: 'revision', before: 3, after: 3, kind: 'unchanged' },
      { field: 'gone', before: 1, after: undefined, kind: 'removed' },
      { field: 'added', before: undefined, after: true, kind: 'added' },
    ])
  })

  it('reads lists of { field, from, to } and { key, old, new }, and old/new at the top', () => {
    expect(findChanges({ changes: [{ field: 'role', from: 'viewer', to: 'admin' }] })).toEqual([
      { field: 'role', before: 'viewer', after: 'admin', kind: 'changed' },
    ])
    expect(findChanges([{ key: 'plan', old: 'Team', new: 'Enterprise' }])).toEqual([
      { field: 'plan', before: 'Team', after: 'Enterprise', kind: 'changed' },
    ])
    expect(findChanges({ old: { a: { b: 1 } }, new: { a: { b: 1 } } })).toEqual([
      { field: 'a', before: { b: 1 }, after: { b: 1 }, kind: 'unchanged' },
    ])
    expect(findChanges({ changes: { name: { from: 'a', to: 'b' } } })).toEqual([{ field: 'name', before: 'a', after: 'b', kind: 'changed' }])
  })

  it("pairs Azure's OldInstancesCount/NewInstancesCount", () => {
    const autoscale = azure.find((event) => JSON.stringify(event).includes('OldInstancesCount')) as { properties: unknown }
    expect(findChanges(autoscale.properties)).toEqual([{ field: 'instancesCount', before: '3', after: '2', kind: 'changed' }])
  })

  it('gives null for a payload that records no change, and for one too wide to read', () => {
    expect(findChanges({ id: 'x', title: 'Home page' })).toBeNull()
    expect(findChanges('text')).toBeNull()
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, index) => [`k${String(index)}`, index]))
    expect(findChanges({ before: wide, after: wide })).toBeNull()
  })

  it('never reads the values of a payload it only scans the keys of', () => {
    let reads = 0
    const payload = {
      get note() {
        reads += 1
        return 'x'.repeat(1_000_000)
      },
      items: [1, 2, 3],
    }
    expect(findChanges(payload)).toBeNull()
    expect(reads).toBe(0)
  })
})
