import { describe, expect, it } from 'vitest'

import { AuditLogRefusal } from './errors'
import { createAuditLogHandler } from './handler'
import { checkBatch } from './ingest/checkEvent'
import type { AuditLogStore } from './storeTypes'

describe('refusals are the domain’s words; the handler alone speaks HTTP', () => {
  it('a bad event is refused as invalid by the domain layer, with no HTTP status on it', () => {
    const refuse = (): unknown => checkBatch({ id: 'e1' }, 't')
    expect(refuse).toThrow(AuditLogRefusal)
    try {
      refuse()
    } catch (error) {
      expect(error).toMatchObject({ kind: 'invalid', message: expect.stringContaining('action') as unknown })
      expect(error).not.toHaveProperty('status')
    }
  })

  it.each([
    ['invalid', 400],
    ['forbidden', 403],
    ['not-found', 404],
    ['too-large', 413],
    ['not-json', 415],
  ] as const)('the handler answers a refusal of kind %s with %i and its message', async (kind, status) => {
    // A store whose every read refuses: the handler must map the refusal, not report a server error.
    const store = { getEvent: () => Promise.reject(new AuditLogRefusal(kind, `refused as ${kind}`)) } as unknown as AuditLogStore
    const onError = (): void => {
      throw new Error('a refusal is not a server error')
    }
    const handler = createAuditLogHandler({ store, resolveTenant: () => 't', cursorSecret: 'x'.repeat(32), onError })
    const response = await handler(new Request('http://host/api/audit-logs/events/e1'))
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({ message: `refused as ${kind}` })
  })
})
