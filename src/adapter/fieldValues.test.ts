import { describe, expect, it, vi } from 'vitest'

import { makeEvent, signal } from '../../test/support/events'
import { createFetchAdapter } from './fetchAdapter'
import { createMemoryAdapter } from './memoryAdapter'
import { fieldValuesToSearchParams, searchParamsToFieldValues } from './fieldValuesContract'
import { queryToSearchParams, searchParamsToQuery } from './restContract'
import { MAX_FIELD_VALUE_LENGTH, validateFieldValues } from './validateFieldValues'

const events = [
  makeEvent('a', '2026-03-01T10:00:00Z', { result: 'Success', action: 'login', tags: ['x', 'X', 'y'], tenant: 't1' }),
  makeEvent('b', '2026-03-02T10:00:00Z', { result: 'success', action: 'Login', tags: 'y', tenant: 't1' }),
  makeEvent('c', '2026-03-03T10:00:00Z', { result: 'failed', action: 'delete', tenant: 't1' }),
  makeEvent('d', '2026-03-04T10:00:00Z', { result: 'SUCCESS', action: 'export', tenant: 't2' }),
  makeEvent('e', '2026-03-05T10:00:00Z', { action: 'login', tenant: 't1' }),
]
const spelled = [
  makeEvent('s1', '2026-03-01T10:00:00Z', { result: 'Success' }),
  makeEvent('s2', '2026-03-02T10:00:00Z', { result: 'success' }),
  makeEvent('s3', '2026-03-03T10:00:00Z', { result: 'success' }),
]
const call = { signal: signal() }

describe('memory adapter: field values', () => {
  const adapter = createMemoryAdapter(events, { tenantKey: 'tenant' })

  it('counts values ignoring case, most frequent first, written as most events write them', async () => {
    await expect(adapter.listFieldValues({ key: 'result', search: {}, limit: 10 }, call)).resolves.toEqual({
      values: [
        { value: 'SUCCESS', count: 3 },
        { value: 'failed', count: 1 },
      ],
      complete: true,
    })
  })

  it('writes a value as most of its events do', async () => {
    const values = await createMemoryAdapter(spelled).listFieldValues({ key: 'result', search: {}, limit: 10 }, call)
    expect(values.values).toEqual([{ value: 'success', count: 3 }])
  })

  it('counts for the search: range, text, filters, exclusions and the tenant', async () => {
    const search = { from: '2026-03-02T00:00:00Z', filters: { action: ['LOGIN'] } }
    await expect(adapter.listFieldValues({ key: 'result', search, limit: 10 }, call)).resolves.toEqual({
      values: [{ value: 'success', count: 1 }],
      complete: true,
    })
    await expect(
      adapter.listFieldValues({ key: 'action', search: { exclude: { result: ['success'] } }, limit: 10 }, { ...call, tenantId: 't1' }),
    ).resolves.toEqual({
      values: [
        { value: 'delete', count: 1 },
        { value: 'login', count: 1 },
      ],
      complete: true,
    })
  })

  it('counts an event once per value of an array, and says when values were left out', async () => {
    await expect(adapter.listFieldValues({ key: 'tags', search: {}, limit: 1 }, call)).resolves.toEqual({
      values: [{ value: 'y', count: 2 }],
      complete: false,
    })
  })

  it('refuses a limit out of range', async () => {
    await expect(adapter.listFieldValues({ key: 'result', search: {}, limit: 0 }, call)).rejects.toThrow(/limit/)
  })
})

describe('memory adapter: exclude ("is not")', () => {
  const adapter = createMemoryAdapter(events)
  const ids = async (query: Parameters<typeof adapter.listEvents>[0]) => (await adapter.listEvents(query, call)).events.map((event) => event.id)

  it('declares that it applies exclude', () => {
    expect(adapter.supportsExclude).toBe(true)
  })

  it('leaves out events holding a rejected value, ignoring case, and keeps events without the field', async () => {
    await expect(ids({ limit: 10, exclude: { result: ['success'] } })).resolves.toEqual(['e', 'c'])
  })

  it('leaves out an event when any item of its array is rejected, and combines with filters', async () => {
    await expect(ids({ limit: 10, exclude: { tags: ['x'] }, filters: { action: ['login'] } })).resolves.toEqual(['e', 'b'])
  })

  it('gives the total of the excluded search', async () => {
    await expect(adapter.listEvents({ limit: 1, exclude: { action: ['login'] } }, call)).resolves.toMatchObject({ total: 2 })
  })
})

describe('REST contract: exclude and field values', () => {
  it('round-trips exclude next to filters', () => {
    const query = { limit: 5, filters: { result: ['failed'] }, exclude: { 'user.email': ['a&b@example.com', 'c'], __proto__x: ['z'] } }
    expect(searchParamsToQuery(queryToSearchParams(query))).toEqual(query)
  })

  it('round-trips a field-values request without sort or cursor', () => {
    const request = { key: 'result', limit: 20, search: { search: 'report', exclude: { action: ['login'] } } }
    const params = fieldValuesToSearchParams({ ...request, search: { ...request.search, sort: { key: 'action', direction: 'asc' } } })
    expect(params.has('sort')).toBe(false)
    expect(searchParamsToFieldValues(params)).toEqual(request)
  })

  it('refuses a field-values request without a key', () => {
    expect(() => searchParamsToFieldValues(new URLSearchParams('limit=5'))).toThrow(/"key"/)
  })
})

describe('validateFieldValues', () => {
  it('passes a sound answer', () => {
    expect(validateFieldValues({ values: [{ value: 'a', count: 0 }], complete: false }, 5)).toEqual({
      values: [{ value: 'a', count: 0 }],
      complete: false,
    })
  })

  it.each([
    ['not an object', null, /expected an object/],
    ['values missing', {}, /"values" is undefined/],
    [
      'more values than asked',
      {
        values: [
          { value: 'a', count: 1 },
          { value: 'b', count: 1 },
          { value: 'c', count: 1 },
        ],
      },
      /more than the 2 asked/,
    ],
    ['a negative count', { values: [{ value: 'a', count: -1 }] }, /values\[0\]\.count/],
    ['a fractional count', { values: [{ value: 'a', count: 1.5 }] }, /values\[0\]\.count/],
    ['an unsafe count', { values: [{ value: 'a', count: 2 ** 60 }] }, /values\[0\]\.count/],
    ['a count as text', { values: [{ value: 'a', count: '3' }] }, /values\[0\]\.count/],
    ['a value that is no text', { values: [{ value: { toString: 1 }, count: 1 }] }, /values\[0\]\.value/],
    ['a value too long', { values: [{ value: 'x'.repeat(MAX_FIELD_VALUE_LENGTH + 1), count: 1 }] }, /values\[0\]\.value/],
    ['complete that is no boolean', { values: [], complete: 'yes' }, /"complete"/],
    ['an entry that is no object', { values: ['a'] }, /values\[0\] is the string/],
  ])('refuses %s with a message that names the fault', (_name, body, message) => {
    expect(() => validateFieldValues(body, 2, 'The test server')).toThrow(message)
    expect(() => validateFieldValues(body, 2, 'The test server')).toThrow(/The test server is probably wrong/)
  })
})

describe('fetch adapter: field values and exclude', () => {
  const respond = (body: unknown) =>
    vi.fn<typeof fetch>(
      async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
    )

  it('has no listFieldValues and no exclude unless turned on', () => {
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: respond({}) })
    expect('listFieldValues' in adapter).toBe(false)
    expect(adapter.supportsExclude).toBeUndefined()
  })

  it('asks the field-values path with the key, limit and search, and checks the answer', async () => {
    const fetchMock = respond({ values: [{ value: 'failed', count: 3 }], complete: true })
    const adapter = createFetchAdapter({ baseUrl: '/api/', fetch: fetchMock, fieldValuesPath: '/field-values', supportsExclude: true })
    const answer = await adapter.listFieldValues?.({ key: 'result', limit: 20, search: { exclude: { action: ['login'] } } }, call)
    expect(answer).toEqual({ values: [{ value: 'failed', count: 3 }], complete: true })
    const url = new URL(fetchMock.mock.calls[0]?.[0] as string, 'http://host.test')
    expect(url.pathname).toBe('/api/field-values')
    expect(url.searchParams.get('key')).toBe('result')
    expect(url.searchParams.get('limit')).toBe('20')
    expect(url.searchParams.getAll('exclude.action')).toEqual(['login'])
  })

  it.each([
    ['an HTML page', '<html>oops</html>', /not JSON/],
    ['a list instead of an object', [{ value: 'a', count: 1 }], /expected an object with a "values" array/],
    ['a negative count', { values: [{ value: 'a', count: -5 }] }, /count/],
    ['a script as a value object', { values: [{ value: { $$typeof: 'react.element' }, count: 1 }] }, /value/],
  ])('turns %s into a clear malformed-response error', async (_name, body, message) => {
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: respond(body), fieldValuesPath: '/field-values' })
    const failure = adapter.listFieldValues?.({ key: 'result', limit: 20, search: {} }, call)
    await expect(failure).rejects.toMatchObject({ code: 'malformed-response' })
    await expect(failure).rejects.toThrow(message)
  })

  it('refuses to send "is not" to an API not declared to apply it, in the list and the values', async () => {
    const fetchMock = respond({ events: [] })
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: fetchMock, fieldValuesPath: '/field-values' })
    await expect(adapter.listEvents({ limit: 5, exclude: { result: ['success'] } }, call)).rejects.toThrow(/supportsExclude/)
    await expect(adapter.listFieldValues?.({ key: 'a', limit: 5, search: { exclude: { result: ['success'] } } }, call)).rejects.toThrow(
      /supportsExclude/,
    )
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('sends exclude when declared', async () => {
    const fetchMock = respond({ events: [] })
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: fetchMock, supportsExclude: true })
    expect(adapter.supportsExclude).toBe(true)
    await adapter.listEvents({ limit: 5, exclude: { result: ['success'] } }, call)
    expect(new URL(fetchMock.mock.calls[0]?.[0] as string, 'http://host.test').searchParams.getAll('exclude.result')).toEqual(['success'])
  })
})
