import { generateKeyPairSync } from 'node:crypto'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { IntegrityReport } from '../../core/integrity'
import { checkEvent } from '../ingest/checkEvent'
import type { AuditLogStore } from '../storeTypes'
import { call, freshStore, testHandler } from '../../../test/support/server/database'
import type { AuditLogHandler } from '../types'
import { checkpointMessage } from './checkpoint'
import { linkHash } from './hashChain'

let store: AuditLogStore
let drop: () => Promise<void>
let handler: AuditLogHandler
/** The test's own connection is a superuser's: what someone with the database can do, the chain must show. */
let superuser: pg.Client
const { privateKey } = generateKeyPairSync('ed25519')
const attacker = generateKeyPairSync('ed25519')

/** 100 events in batches of 10: checkpoints at 10, 30, 50, 70 and 90. */
async function seedTenant(tenant: string): Promise<void> {
  for (let start = 0; start < 100; start += 10) {
    const rows = Array.from({ length: 10 }, (_, index) => {
      const n = start + index + 1
      return checkEvent(
        { id: `${tenant}-${n}`, action: 'user.login', createdAt: Date.parse('2026-03-01T00:00:00Z') + n * 60_000, payload: { n } },
        tenant,
        'event',
      )
    })
    await store.insertEvents(tenant, rows)
  }
}

const idAt = async (tenant: string, seq: number): Promise<string> =>
  (await superuser.query<{ id: string }>('select id from audit_events where tenant_id = $1 and seq = $2', [tenant, seq])).rows[0]?.id ?? ''

async function verify(tenant: string, query = ''): Promise<IntegrityReport> {
  const response = await call(handler, `/integrity${query}`, { tenant, role: 'auditor' })
  expect(response.status).toBe(200)
  return (await response.json()) as IntegrityReport
}

beforeAll(async () => {
  const database = await freshStore({ store: { checkpoints: { privateKey, keyId: 'k1', everyEvents: 20 } } })
  ;({ store, drop } = database)
  handler = testHandler(store)
  superuser = new pg.Client(database.url)
  await superuser.connect()
  for (const tenant of ['clean', 'changed', 'deleted', 'swapped', 'moved', 'forged', 'rewritten', 'cut']) await seedTenant(tenant)
  // The append-only guard, lifted as the table's owner can.
  await superuser.query('alter table audit_events disable trigger audit_events_append_only')
  await superuser.query('alter table audit_checkpoints disable trigger audit_checkpoints_append_only')
})
afterAll(async () => {
  await superuser.end()
  await drop()
})

describe('GET /integrity', () => {
  it('verifies an untouched tenant, whole or by range, for a viewer', async () => {
    expect(await verify('clean')).toEqual({
      verifiedThrough: { seq: 100, createdAt: '2026-03-01T01:40:00.000Z' },
      events: 100,
      unchained: 0,
      checkpoint: { seq: 90, signedAt: expect.any(String), keyId: 'k1' },
    })
    const range = await verify('clean', '?from=2026-03-01T00:40:00Z&to=2026-03-01T01:00:00Z')
    expect(range).toMatchObject({ verifiedThrough: { seq: 59 }, events: 29, checkpoint: { seq: 50 } })
    expect(range.problem).toBeUndefined()
  })

  it('refuses a range it cannot read with 400, and an unsigned-in request with 401', async () => {
    expect((await call(handler, '/integrity?from=yesterday', { tenant: 'clean' })).status).toBe(400)
    expect((await call(handler, '/integrity?fromSeq=-3', { tenant: 'clean' })).status).toBe(400)
    expect((await call(handler, '/integrity')).status).toBe(401)
  })

  it("names an event whose data was changed: 'content-changed'", async () => {
    await superuser.query(`update audit_events set data = jsonb_set(data, '{action}', '"user.logout"') where tenant_id = 'changed' and seq = 42`)
    expect(await verify('changed')).toMatchObject({
      verifiedThrough: { seq: 41 },
      problem: { reason: 'content-changed', seq: 42, eventId: 'changed-42' },
    })
    // One event, as the drawer asks: the altered one, one before it, one after it.
    expect((await verify('changed', '?eventId=changed-42')).event).toEqual({
      seq: 42,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      state: 'altered',
    })
    expect((await verify('changed', '?eventId=changed-41')).event).toMatchObject({ seq: 41, state: 'verified' })
    expect((await verify('changed', '?eventId=changed-43')).event).toMatchObject({ seq: 43, state: 'unknown' })
    expect((await call(handler, '/integrity?eventId=clean-1', { tenant: 'changed' })).status).toBe(404)
  })

  it("names a deleted event's place and the event after it: 'event-missing'", async () => {
    await superuser.query(`delete from audit_events where tenant_id = 'deleted' and seq = 57`)
    expect(await verify('deleted')).toMatchObject({ problem: { reason: 'event-missing', seq: 57, eventId: 'deleted-58' } })
  })

  it("names two events whose places were swapped, next to each other or far apart: 'order-changed'", async () => {
    const swap = async (tenant: string, a: number, b: number) => {
      await superuser.query('update audit_events set seq = -1 where tenant_id = $1 and seq = $2', [tenant, a])
      await superuser.query('update audit_events set seq = $3 where tenant_id = $1 and seq = $2', [tenant, b, a])
      await superuser.query('update audit_events set seq = $2 where tenant_id = $1 and seq = -1', [tenant, b])
    }
    await swap('swapped', 33, 34)
    expect(await verify('swapped')).toMatchObject({ problem: { reason: 'order-changed', seq: 33, eventId: 'swapped-34' } })
    await swap('moved', 20, 61)
    expect(await verify('moved')).toMatchObject({ problem: { reason: 'order-changed', seq: 20, eventId: 'moved-61' } })
  })

  it("names a forged checkpoint (another key under the same key id): 'checkpoint-signature'", async () => {
    const { rows } = await superuser.query<{ hash: Buffer; signed_at: Date }>(
      `select hash, signed_at from audit_checkpoints where tenant_id = 'forged' and seq = 50`,
    )
    const stored = rows[0]
    if (!stored) throw new Error('no checkpoint at 50')
    const forged = checkpointMessage({ tenantId: 'forged', seq: 50, hash: stored.hash, signedAt: stored.signed_at, keyId: 'k1' })
    const { sign } = await import('node:crypto')
    await superuser.query(`update audit_checkpoints set signature = $1 where tenant_id = 'forged' and seq = 50`, [
      sign(null, forged, attacker.privateKey),
    ])
    expect(await verify('forged')).toMatchObject({
      verifiedThrough: { seq: 49 },
      problem: { reason: 'checkpoint-signature', seq: 50, eventId: 'forged-50' },
    })
  })

  it("catches a chain recomputed after a change at the next signed checkpoint: 'checkpoint-mismatch'", async () => {
    await superuser.query(`update audit_events set data = jsonb_set(data, '{action}', '"user.logout"') where tenant_id = 'rewritten' and seq = 42`)
    // What a superuser without the key can do: recompute every link from the change on, and the head.
    const { rows } = await superuser.query<{ seq: string; data: unknown; hash: Buffer }>(
      `select seq, data, hash from audit_events where tenant_id = 'rewritten' order by seq`,
    )
    let previous = rows[40]?.hash ?? Buffer.alloc(0)
    for (const row of rows.slice(41)) {
      previous = linkHash(previous, row.data)
      await superuser.query(`update audit_events set hash = $1 where tenant_id = 'rewritten' and seq = $2`, [previous, row.seq])
    }
    await superuser.query(`update audit_chain_heads set hash = $1 where tenant_id = 'rewritten'`, [previous])
    expect(await verify('rewritten')).toMatchObject({
      verifiedThrough: { seq: 49 },
      problem: { reason: 'checkpoint-mismatch', seq: 50, eventId: 'rewritten-50' },
    })
  })

  it('catches events cut from the end with the head rolled back, by the checkpoint they leave behind', async () => {
    await superuser.query(`delete from audit_events where tenant_id = 'cut' and seq >= 85`)
    const last = await superuser.query<{ hash: Buffer }>(`select hash from audit_events where tenant_id = 'cut' and seq = 84`)
    await superuser.query(`update audit_chain_heads set seq = 84, hash = $1 where tenant_id = 'cut'`, [last.rows[0]?.hash])
    expect(await verify('cut')).toMatchObject({ verifiedThrough: { seq: 84 }, problem: { reason: 'event-missing', seq: 85, eventId: null } })
    expect(await idAt('cut', 84)).toBe('cut-84')
  })
})
