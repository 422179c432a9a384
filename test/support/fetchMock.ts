import { vi } from 'vitest'

/** A fetch replaced by a mock, whose calls a test reads back. */
export type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>

/** A fetch that answers every request with this body (JSON unless a string) and these status and headers. */
export function respondWith(body: unknown, init: ResponseInit = {}): FetchMock {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return vi.fn<typeof fetch>(async () => new Response(text, { headers: { 'content-type': 'application/json' }, ...init }))
}

/** The URL and options of one call a fetch mock was given. */
export const requestOf = (fetchMock: FetchMock, call = 0): { url: URL; init: RequestInit } => {
  const [input, init] = fetchMock.mock.calls[call] ?? []
  return { url: new URL(input as string, 'http://host.test'), init: init ?? {} }
}
