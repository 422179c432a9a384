import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One event of January 2026, `minute` minutes after its start. */
const event = (id: string, minute: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  createdAt: new Date(Date.UTC(2026, 0, 10) + minute * 60_000).toISOString(),
  action: 'user.login',
  severity: 'Info',
  result: 'success',
  user: { name: `User ${id}`, email: `${id}@example.com` },
  ...extra,
})

const page = (events: unknown[], nextCursor: string | null, total?: number): unknown => ({
  events,
  nextCursor,
  ...(total === undefined ? {} : { total }),
})

/** What a scenario answers to a list request; `calls` counts the scenario's list requests so far (this one included). */
type Scenario = (params: URLSearchParams, calls: number, response: ServerResponse) => unknown

/**
 * Backends that misbehave in the ways real ones do. Each answers `GET /{scenario}/events` with the REST contract
 * shape; what it gets wrong is the test.
 */
const scenarios: Record<string, Scenario> = {
  // Cursors a → b → a → b…: fresh events every page, only the paging loops.
  cycling: (params, calls) =>
    page(
      Array.from({ length: 20 }, (_, index) => event(`c${String(calls)}-${String(index)}`, calls * 30 + index)),
      params.get('cursor') === 'a' ? 'b' : 'a',
    ),
  // One page of events, then empty pages that always offer another.
  empty: (params, calls) =>
    page(params.has('cursor') ? [] : Array.from({ length: 20 }, (_, index) => event(`e${String(index)}`, index)), `page-${String(calls + 1)}`),
  // Three January events and two from December (outside the range asked for), under a total of 1,000,000.
  lying: () => page([event('jan-1', 1), event('jan-2', 2), event('jan-3', 3), event('dec-1', -20_000), event('dec-2', -20_001)], null, 1_000_000),
  // The real user, and a literal "user.email" property that claims to be someone else.
  spoof: () => page([event('spoofed', 5, { user: { name: 'Mallory', email: 'mallory@example.com' }, 'user.email': 'ceo@example.com' })], null, 1),
  // Times a backend should not send: epoch seconds, an impossible day, no zone.
  times: () =>
    page(
      [
        event('seconds', 0, { createdAt: 1_768_000_000 }),
        event('feb30', 0, { createdAt: '2026-02-30T10:00:00Z' }),
        event('nozone', 0, { createdAt: '2026-01-10 10:00:00' }),
        event('fine', 4),
      ],
      null,
      4,
    ),
  // The connection breaks in the middle of the answer.
  reset: (_params, _calls, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' })
    response.write('{"events": [{"id": "a", "createdAt": "2026-01-1')
    setTimeout(() => response.destroy(), 20)
    return undefined
  },
}

export interface HostileBackend {
  port: number
  /** List requests a scenario has received. */
  calls: (scenario: string) => number
  close: () => Promise<void>
}

/** Starts the backends on a free port of 127.0.0.1, answering any origin (the story page is served elsewhere). */
export async function startHostileBackend(): Promise<HostileBackend> {
  const calls = new Map<string, number>()
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    response.setHeader('access-control-allow-origin', '*')
    response.setHeader('access-control-allow-headers', '*')
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end()
      return
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const [, name = '', resource] = url.pathname.split('/')
    const scenario = scenarios[name]
    if (!scenario || resource !== 'events') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
      return
    }
    const count = (calls.get(name) ?? 0) + 1
    calls.set(name, count)
    const body = scenario(url.searchParams, count, response)
    if (body !== undefined) response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as AddressInfo).port,
    calls: (name) => calls.get(name) ?? 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
