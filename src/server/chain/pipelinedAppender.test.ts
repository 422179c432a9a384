import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkEvent } from '../ingest/checkEvent'
import { createPostgresStore } from '../store/postgres'
import type { AuditLogStore } from '../storeTypes'
import { freshStore } from '../../../test/support/server/database'
import { linkedRecords } from './appendChained'
import { appendCanonical, GENESIS } from './hashChain'

// Two stores on one database are two servers: each predicts the head from its own appends only.
let first: AuditLogStore
let second: AuditLogStore
let drop: () => Promise<void>

beforeAll(async () => {
  let url: string
  ;({ store: first, drop, url } = await freshStore())
  second = await createPostgresStore({ connectionString: url, poolConfig: { max: 4 } })
})
afterAll(async () => {
  await second.close()
  await drop()
})

const row = (tenant: string, id: string) => checkEvent({ id, action: 'user.login', payload: { id } }, tenant, 'event')

async function seqsOf(tenant: string): Promise<number[]> {
  const { rows } = await first.pool.query<{ seq: string }>('select seq from audit_events where tenant_id = $1 order by seq', [tenant])
  return rows.map((stored) => Number(stored.seq))
}

describe('pipelined appends', () => {
  it('two servers appending to one tenant at once (sendAudit and batches, repeated ids) form one gapless chain that verifies', async () => {
    const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => `e${(from + index * 7) % 250}`)
    const results = await Promise.all([
      ...ids(0, 300).map((id) => first.sendAudit({ tenantId: 'shared', id, action: 'user.login' }).then((result) => Number(result.inserted))),
      ...ids(3, 200).map((id) => second.sendAudit({ tenantId: 'shared', id, action: 'user.login' }).then((result) => Number(result.inserted))),
      ...[40, 1, 120, 15, 60].map((size, batch) =>
        (batch % 2 === 0 ? first : second)
          .insertEvents(
            'shared',
            ids(batch * 11, size).map((id) => row('shared', id)),
          )
          .then((result) => result.inserted),
      ),
    ])
    const { rows } = await first.pool.query<{ count: string }>("select count(distinct id) as count from audit_events where tenant_id = 'shared'")
    const stored = Number(rows[0]?.count)
    // Each id is stored once, and counted new once.
    expect(results.reduce((sum, inserted) => sum + inserted, 0)).toBe(stored)
    expect(await seqsOf('shared')).toEqual(Array.from({ length: stored }, (_, index) => index + 1))
    const report = await second.verifyIntegrity('shared')
    expect(report.problem).toBeUndefined()
    expect(report.events).toBe(stored)
  })

  it('a server whose expected head another moved appends the classic way, and the chain stays whole', async () => {
    await first.insertEvents('moved', [row('moved', 'a')])
    await first.insertEvents('moved', [row('moved', 'b')])
    await second.insertEvents('moved', [row('moved', 'c')])
    expect(await first.insertEvents('moved', [row('moved', 'd')])).toMatchObject({ inserted: 1 })
    expect(await first.insertEvents('moved', [row('moved', 'a')])).toMatchObject({ inserted: 0 })
    await first.sendAudit({ tenantId: 'moved', id: 'e', action: 'user.login' })
    expect(await seqsOf('moved')).toEqual([1, 2, 3, 4, 5])
    expect(await first.verifyIntegrity('moved')).toMatchObject({ events: 5, verifiedThrough: { seq: 5 } })
  })

  it('the database stores nothing when the head is not at the link the events were linked to', async () => {
    await first.insertEvents('guarded', [row('guarded', 'a')])
    // Linked as if the chain were empty: the head is at 1.
    const events = [row('guarded', 'b')]
    const { links, head } = appendCanonical(
      { seq: 0, hash: GENESIS },
      events.map((event) => event.json),
    )
    await expect(
      first.pool.query('select audit_append_linked($1, $2::jsonb, $3, $4, $5, $6)', [
        'guarded',
        linkedRecords(events, links),
        0,
        GENESIS,
        head.seq,
        head.hash,
      ]),
    ).rejects.toMatchObject({ code: '40001' })
    expect(await seqsOf('guarded')).toEqual([1])
  })
})
