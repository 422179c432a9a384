import { createAuditLogHandler } from '../../../src/server/handler'
import type { AuditLogStore } from '../../../src/server/storeTypes'
import type { AuditLogHandler } from '../../../src/server/types'
import { BASE, freshStore, SECRET } from './database'

/**
 * A fresh store with the handler as the plain `node:http` example of docs/server.md mounts it: a session
 * resolves the tenant (`authorization: Bearer <tenant>`), no `authorize`; and `post`, which sends events with
 * the given key (an ingest key, or a session's tenant) as its bearer token.
 */
export async function freshSessionStore(): Promise<{
  store: AuditLogStore
  url: string
  drop: () => Promise<void>
  handler: AuditLogHandler
  post: (body: unknown, key: string) => Promise<Response>
}> {
  const { store, url, drop } = await freshStore()
  const handler = createAuditLogHandler({
    store,
    cursorSecret: SECRET,
    resolveTenant: (request) => /^Bearer (\w+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? null,
    actor: (request) => ({ id: 'session-user', name: `Signed in via ${request.headers.get('authorization') ?? ''}` }),
    onError: () => undefined,
  })
  const post = (body: unknown, key: string) =>
    handler(
      new Request(`${BASE}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    )
  return { store, url, drop, handler, post }
}
