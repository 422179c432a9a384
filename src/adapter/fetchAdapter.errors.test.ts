import { describe, expect, it, vi } from 'vitest'

import { errorProblem } from '../core/errorProblem'
import { coreMessages } from '../core/messages'
import { unreadableProblem } from '../core/unreadable'
import { signal } from '../../test/support/events'
import { respondWith } from '../../test/support/fetchMock'
import { createFetchAdapter } from './fetchAdapter'

describe('createFetchAdapter', () => {
  it("turns an HTTP error into an error with the status and the server's message", async () => {
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch: respondWith({ message: 'Token expired' }, { status: 401, statusText: 'Unauthorized' }),
    })
    await expect(adapter.listEvents({ limit: 10 }, { signal: signal() })).rejects.toMatchObject({
      name: 'AuditLogsError',
      code: 'http',
      status: 401,
      message: 'The audit-log server answered 401 Unauthorized: Token expired.',
    })
  })

  it('says so when an error page is HTML instead of echoing it', async () => {
    const html = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>'
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch: vi.fn<typeof fetch>(async () => new Response(html, { status: 502, headers: { 'content-type': 'text/html' } })),
    })
    await expect(adapter.listEvents({ limit: 10 }, { signal: signal() })).rejects.toMatchObject({
      status: 502,
      message: 'The audit-log server answered 502: the server sent an HTML page instead of JSON.',
    })
  })

  it('turns a network failure into a readable error', async () => {
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch: vi.fn<typeof fetch>(async () => {
        throw new TypeError('Failed to fetch')
      }),
    })
    await expect(adapter.listEvents({ limit: 10 }, { signal: signal() })).rejects.toMatchObject({
      code: 'network',
      message: 'The audit-log server could not be reached (Failed to fetch).',
    })
  })

  it('calls a connection that breaks in the middle of the body a network failure, not a malformed answer', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"events": [{"id": "a", "createdAt'))
        controller.error(new TypeError('network error'))
      },
    })
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      fetch: vi.fn(async () => new Response(body, { headers: { 'content-type': 'application/json' } })),
    })
    const failure = adapter.listEvents({ limit: 10 }, { signal: signal() })
    await expect(failure).rejects.toMatchObject({ code: 'network', message: expect.stringMatching(/broke while its answer arrived/) as unknown })
    // And the viewer words it in its own language.
    const error = await failure.catch((caught: unknown) => caught)
    expect(coreMessages.errorMessage(errorProblem(error, 30_000))).not.toMatch(/network error|Failed to fetch/)
  })

  it.each([
    ['a body that is not JSON', '<html>oops</html>', /not JSON/],
    ['a body without events', { data: [] }, /"events" is undefined, expected an array/],
    ['an error object with status 200', { error: 'quota exceeded' }, /"events" is undefined/],
    ['a numeric total as text', { events: [], total: '12' }, /"total" is the string "12"/],
  ])('rejects %s with a clear malformed-response error', async (_name, body, message) => {
    const adapter = createFetchAdapter({ baseUrl: '/api', fetch: respondWith(body) })
    const pending = adapter.listEvents({ limit: 10 }, { signal: signal() })
    await expect(pending).rejects.toMatchObject({ code: 'malformed-response' })
    await expect(pending).rejects.toThrow(message)
  })

  it('keeps the good rows of a page with bad ones, and marks the bad ones', async () => {
    const body = { events: [null, { id: 'a' }, { createdAt: 1_700_000_000_000 }, { id: 'b', createdAt: 1_700_000_000_001 }] }
    const { events } = await createFetchAdapter({ baseUrl: '/api', fetch: respondWith(body) }).listEvents({ limit: 10 }, { signal: signal() })
    expect(events.map(unreadableProblem)).toEqual([
      'events[0] is null, expected an event object',
      'events[1].createdAt is undefined, expected an ISO-8601 string or epoch milliseconds',
      'events[2].id is undefined, expected a non-empty string',
      undefined,
    ])
  })
})
