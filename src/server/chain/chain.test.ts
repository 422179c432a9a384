import { createPublicKey, generateKeyPairSync } from 'node:crypto'

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkEvent } from '../ingest/checkEvent'
import { createPostgresStore } from '../store/postgres'
import type { AuditLogStore } from '../storeTypes'
import { freshStore } from '../../../test/support/server/database'

let store: AuditLogStore
let drop: () => Promise<void>
let url: string
const { privateKey } = generateKeyPairSync('ed25519')

beforeAll(async () => {
  ;({ store, drop, url } = await freshStore({ store: { checkpoints: { privateKey, keyId: 'k1', everyEvents: 25 } } }))
})
afterAll(() => drop())

const row = (tenant: string, id: string, n: number) =>
  checkEvent({ id, action: 'user.login', createdAt: Date.parse('2026-03-01T00:00:00Z') + n * 1000, payload: { n, tenant } }, tenant, 'event')

async function chainOf(tenant: string): Promise<Array<{ seq: number; id: string }>> {
  const { rows } = await store.pool.query<{ seq: string; id: string }>('select seq, id from audit_events where tenant_id = $1 order by seq', [tenant])
  return rows.map((stored) => ({ seq: Number(stored.seq), id: stored.id }))
}

let runs = 0

describe('the hash chain at ingest', () => {
  it('parallel producers of one tenant (batches of mixed sizes, repeated ids) form one gapless chain that verifies; another tenant keeps its own', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Each batch: ids drawn from a small pool, so batches repeat each other's ids and their own.
        fc.array(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 40 }), { minLength: 2, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 20 }),
        async (batches, other) => {
          runs += 1
          const [acme, globex] = [`acme-${runs}`, `globex-${runs}`]
          const results = await Promise.all([
            ...batches.map((ids) =>
              store.insertEvents(
                acme,
                ids.map((id) => row(acme, `e${id}`, id)),
              ),
            ),
            store.insertEvents(
              globex,
              other.map((id) => row(globex, `g${id}`, id)),
            ),
          ])
          const distinct = new Set(batches.flat())
          const chain = await chainOf(acme)
          expect(chain.map((link) => link.seq)).toEqual(Array.from({ length: distinct.size }, (_, index) => index + 1))
          expect(results.slice(0, -1).reduce((sum, result) => sum + result.inserted, 0)).toBe(distinct.size)
          expect((await chainOf(globex)).map((link) => link.seq)).toEqual(Array.from({ length: new Set(other).size }, (_, index) => index + 1))

          const report = await store.verifyIntegrity(acme)
          expect(report.problem).toBeUndefined()
          expect(report.events).toBe(distinct.size)
          expect(report.verifiedThrough?.seq).toBe(distinct.size)
          expect((await store.verifyIntegrity(globex)).problem).toBeUndefined()
        },
      ),
      { numRuns: 25 },
    )
  })

  it('gives a repeated id no sequence number, within a batch and across batches', async () => {
    await store.insertEvents('dups', [row('dups', 'a', 1), row('dups', 'b', 2), row('dups', 'a', 3)])
    const again = await store.insertEvents('dups', [row('dups', 'b', 2), row('dups', 'c', 4)])
    expect(again.inserted).toBe(1)
    expect(await chainOf('dups')).toEqual([
      { seq: 1, id: 'a' },
      { seq: 2, id: 'b' },
      { seq: 3, id: 'c' },
    ])
  })

  it('signs a checkpoint in the insert transaction when due, and verifies a time range from the last one before it', async () => {
    for (let start = 0; start < 120; start += 10) {
      await store.insertEvents(
        'signed',
        Array.from({ length: 10 }, (_, index) => row('signed', `s${start + index}`, start + index)),
      )
    }
    const { rows } = await store.pool.query<{ seq: string }>("select seq from audit_checkpoints where tenant_id = 'signed' order by seq")
    // The first append is signed, then one once 25 more have been appended (at a batch's end).
    expect(rows.map((checkpoint) => Number(checkpoint.seq))).toEqual([10, 40, 70, 100])
    const whole = await store.verifyIntegrity('signed')
    expect(whole).toMatchObject({ events: 120, unchained: 0, checkpoint: { seq: 100, keyId: 'k1' } })
    // Events 61–80 by time: the walk starts after checkpoint 40.
    const range = await store.verifyIntegrity('signed', { from: '2026-03-01T00:01:00Z', to: '2026-03-01T00:01:20Z' })
    expect(range).toMatchObject({ events: 40, verifiedThrough: { seq: 80, createdAt: '2026-03-01T00:01:19.000Z' }, checkpoint: { seq: 70 } })
    expect(range.problem).toBeUndefined()
  })

  it('counts events stored before the chain apart, as unchained', async () => {
    await store.pool.query(
      `insert into audit_events (tenant_id, id, created_at, data, search_text) values ('legacy', 'old', now(), '{"id":"old"}', 'old')`,
    )
    await store.insertEvents('legacy', [row('legacy', 'new', 1)])
    expect(await store.verifyIntegrity('legacy')).toMatchObject({ events: 1, unchained: 1, verifiedThrough: { seq: 1 } })
  })

  it('rotates keys by key id: checkpoints of a retired key verify under its published public key, and not without it', async () => {
    await store.insertEvents('rotated', [row('rotated', 'r1', 1)])
    const next = generateKeyPairSync('ed25519')
    const retired = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()
    const rotated = await createPostgresStore({
      connectionString: url,
      checkpoints: { privateKey: next.privateKey, keyId: 'k2', everyEvents: 1 },
      publicKeys: { k1: retired },
    })
    const forgetful = await createPostgresStore({ connectionString: url, checkpoints: { privateKey: next.privateKey, keyId: 'k2' } })
    try {
      await rotated.insertEvents('rotated', [row('rotated', 'r2', 2)])
      expect(await rotated.verifyIntegrity('rotated')).toMatchObject({ events: 2, checkpoint: { seq: 2, keyId: 'k2' } })
      expect((await rotated.verifyIntegrity('rotated')).problem).toBeUndefined()
      expect(await forgetful.verifyIntegrity('rotated')).toMatchObject({ problem: { reason: 'checkpoint-signature', seq: 1 } })
    } finally {
      await rotated.close()
      await forgetful.close()
    }
  })
})
