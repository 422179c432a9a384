import { describe, expect, it } from 'vitest'

import type { SavedView } from '../core/savedViews'
import { makeEvent, signal } from '../../test/support/events'
import { createFetchAdapter } from './fetchAdapter'
import { createMemoryAdapter } from './memoryAdapter'
import type { AuditLogsAdapter } from './types'
import { validateView, validateViews } from './validateViews'

const view: SavedView = {
  id: 'v1',
  name: 'Failed logins',
  search: {
    from: '2026-03-01T00:00:00.000Z',
    search: 'login',
    filters: { result: ['failed'] },
    exclude: { action: ['x'] },
    sort: { key: 'createdAt', direction: 'asc' },
  },
  columns: ['createdAt', 'action'],
  scope: 'shared',
  isDefault: true,
}

/** The adapter's view methods, which these adapters have. */
function viewsOf(adapter: AuditLogsAdapter): Required<Pick<AuditLogsAdapter, 'listViews' | 'saveView' | 'deleteView'>> {
  if (!adapter.listViews || !adapter.saveView || !adapter.deleteView) throw new Error('This adapter keeps no views.')
  return {
    listViews: adapter.listViews.bind(adapter),
    saveView: adapter.saveView.bind(adapter),
    deleteView: adapter.deleteView.bind(adapter),
  }
}

describe('validateViews', () => {
  it('keeps a well-formed view as it is, and only its known properties', () => {
    expect(validateViews([view])).toEqual([view])
    expect(validateView({ ...view, extra: '<img onerror=x>', search: { ...view.search, limit: 5 } })).toEqual(view)
  })

  it.each([
    ['not an array', { views: [view] }, /expected an array/],
    ['a view that is no object', ['x'], /views\[0\] is the string "x"/],
    ['an empty id', [{ ...view, id: '' }], /views\[0\]\.id/],
    ['a name of 101 characters', [{ ...view, name: 'x'.repeat(101) }], /name .* 1 to 100 characters/],
    ['an empty name', [{ ...view, name: '  ' }], /name/],
    ['a name that is no text', [{ ...view, name: { toString: 1 } }], /name is an object/],
    ['a search that is no object', [{ ...view, search: 'from=1' }], /search: the search is not an object/],
    ['filters that are no lists', [{ ...view, search: { filters: { result: 'failed' } } }], /"filters\.result" is not a list/],
    ['a sort with another direction', [{ ...view, search: { sort: { key: 'a', direction: 'up' } } }], /"sort"/],
    ['a huge text', [{ ...view, search: { search: 'x'.repeat(2001) } }], /"search" is not a text/],
    ['columns that are no list', [{ ...view, columns: 'action' }], /"columns"/],
    ['another scope', [{ ...view, scope: 'public' }], /scope/],
    ['a default that is no boolean', [{ ...view, isDefault: 'yes' }], /isDefault/],
    ['two views with one id', [view, view], /share an id/],
  ])('refuses %s with a message that names who is at fault', (_name, answer, problem) => {
    expect(() => validateViews(answer, 'The server')).toThrow(problem)
    expect(() => validateViews(answer, 'The server')).toThrow(/The server is probably wrong/)
  })
})

describe('memory adapter: saved views', () => {
  const call = { signal: signal() }
  const events = [makeEvent('a', '2026-03-01T10:00:00Z')]

  it('has no view methods unless asked for', () => {
    expect('listViews' in createMemoryAdapter(events)).toBe(false)
  })

  it('saves, lists, renames, sets one default and deletes, per tenant', async () => {
    const adapter = createMemoryAdapter(events, { views: [] })
    const first = await viewsOf(adapter).saveView({ name: ' Mine ', search: { search: 'login' }, scope: 'personal' }, call)
    expect(first).toMatchObject({ name: 'Mine', scope: 'personal', isDefault: false })
    // A personal view never becomes the tenant's default.
    await expect(viewsOf(adapter).saveView({ ...first, isDefault: true }, call)).resolves.toMatchObject({ isDefault: false })
    const shared = await viewsOf(adapter).saveView({ name: 'Ours', search: {}, columns: ['action'], scope: 'shared', isDefault: true }, call)
    const other = await viewsOf(adapter).saveView({ name: 'Theirs', search: {}, scope: 'shared', isDefault: true }, call)
    expect((await viewsOf(adapter).listViews(call)).map((saved) => [saved.name, saved.isDefault])).toEqual([
      ['Mine', false],
      ['Ours', false],
      ['Theirs', true],
    ])
    await viewsOf(adapter).saveView({ ...shared, name: 'Renamed' }, call)
    await viewsOf(adapter).deleteView(other.id, call)
    expect(await viewsOf(adapter).listViews(call)).toEqual([
      { ...first, isDefault: false },
      { ...shared, name: 'Renamed' },
    ])
    expect(await viewsOf(adapter).listViews({ ...call, tenantId: 'other' })).toEqual([])
  })

  it('refuses a view it could not give back (a hostile name, a malformed search, an unknown id)', async () => {
    const adapter = createMemoryAdapter(events, { views: [] })
    await expect(viewsOf(adapter).saveView({ name: 'x'.repeat(101), search: {}, scope: 'personal' }, call)).rejects.toThrow(/1 to 100/)
    await expect(viewsOf(adapter).saveView({ name: 'x', search: { filters: { a: 'b' } } as never, scope: 'personal' }, call)).rejects.toThrow(
      /filters/,
    )
    await expect(viewsOf(adapter).saveView({ id: 'nope', name: 'x', search: {}, scope: 'personal' }, call)).rejects.toMatchObject({
      code: 'not-found',
    })
    expect(await viewsOf(adapter).listViews(call)).toEqual([])
  })
})

describe('fetch adapter: saved views', () => {
  const call = { signal: signal() }
  // The list answers `listed`, a save answers `saved`, a delete nothing.
  const answering = (listed: unknown, saved: unknown = view, seen: Request[] = []) =>
    createFetchAdapter({
      baseUrl: 'https://audit.test/api',
      viewsPath: '/views',
      fetch: async (input, init) => {
        const request = new Request(input, init)
        seen.push(request)
        return request.method === 'DELETE' ? new Response(null, { status: 204 }) : Response.json(request.method === 'POST' ? saved : listed)
      },
    })

  it('lists, saves and deletes through its path, sending the tenant', async () => {
    const seen: Request[] = []
    const adapter = answering([view], view, seen)
    await expect(viewsOf(adapter).listViews({ ...call, tenantId: 't1' })).resolves.toEqual([view])
    await expect(viewsOf(adapter).saveView(view, call)).resolves.toEqual(view)
    await viewsOf(adapter).deleteView('v 1', call)
    expect(seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      expect.stringMatching(/^GET https:\/\/audit\.test\/api\/views/),
      'POST https://audit.test/api/views',
      'DELETE https://audit.test/api/views?id=v+1',
    ])
    expect(await seen[1]?.json()).toEqual(view)
  })

  it('checks what the server answers', async () => {
    await expect(viewsOf(answering({ views: [] })).listViews(call)).rejects.toMatchObject({ code: 'malformed-response' })
    await expect(viewsOf(answering([], { ...view, name: 7 })).saveView(view, call)).rejects.toThrow(/name is number 7/)
  })
})
