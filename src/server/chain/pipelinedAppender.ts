import type { Pool } from 'pg'

import type { EventRow } from '../ingest/checkEvent'
import { appendChained, checkpointDue, firstOfEachId, type KnownHead, linkedRecords } from './appendChained'
import type { Signer } from './checkpoint'
import { appendCanonical } from './hashChain'

/** The head moved under an append, an id was stored meanwhile, or two appends waited on each other. */
const RETRIED = new Set(['40001', '23505', '40P01'])
const retried = (error: unknown): boolean => typeof error === 'object' && error !== null && RETRIED.has(String((error as { code?: unknown }).code))
/** Attempts of a classic append that meets other producers' appends (other servers) before it gives up. */
const CLASSIC_ATTEMPTS = 5
/** Tenants whose expected head is remembered; the idle ones first met are forgotten beyond it. */
const REMEMBERED_TENANTS = 10_000

interface TenantAppends {
  /** The head the last append begun leaves, when this store knows it; `null` sends the next append the classic way. */
  expected: KnownHead | null
  running: Set<Promise<unknown>>
  /** The ids of the running appends. */
  ids: Set<string>
}

/**
 * A tenant's appends, pipelined: each links its events to the head the append begun before it leaves (known
 * here, as this store made it) and writes them at once, beside that append, through `audit_append_linked`,
 * which moves the head only from that very link, after that append ended. So one tenant's appends overlap in
 * writing rows and indexes and queue only for the head's move and commit, and a `sendAudit` flush or a
 * `POST /events` batch is one round trip.
 *
 * The database decides: when the head is not where this store expected (another server appended, an append
 * before failed), or an id was stored meanwhile, nothing is stored and the append is made the classic way —
 * alone among this store's appends of the tenant, locking the head before it reads ids and links events, as
 * every append did before — which also teaches this store the head again. A checkpoint due, an id that an
 * append running holds, or a head not known yet take the classic way too.
 */
export function pipelinedAppender(pool: Pool, signer: Signer | null) {
  const tenants = new Map<string, TenantAppends>()

  const stateOf = (tenantId: string): TenantAppends => {
    let state = tenants.get(tenantId)
    if (!state) {
      if (tenants.size >= REMEMBERED_TENANTS) {
        for (const [name, other] of tenants) {
          if (other.running.size === 0) {
            tenants.delete(name)
            break
          }
        }
      }
      state = { expected: null, running: new Set(), ids: new Set() }
      tenants.set(tenantId, state)
    }
    return state
  }

  /** Links to the expected head and writes them in one statement; rejects (expecting nothing more) when the database disagrees. */
  const linked = async (tenantId: string, rows: readonly EventRow[], state: TenantAppends, expected: KnownHead): Promise<string[]> => {
    const { links, head } = appendCanonical(
      expected,
      rows.map((row) => row.json),
    )
    state.expected = { ...expected, ...head }
    try {
      await pool.query('select audit_append_linked($1, $2::jsonb, $3, $4, $5, $6)', [
        tenantId,
        linkedRecords(rows, links),
        expected.seq,
        expected.hash,
        head.seq,
        head.hash,
      ])
    } catch (error) {
      // The appends begun after this one expect its head: they fail too, and the next go the classic way.
      state.expected = null
      throw error
    }
    return rows.map((row) => row.id)
  }

  /** The classic append, alone: it learns the head as it leaves it. */
  const classic = async (tenantId: string, rows: readonly EventRow[], state: TenantAppends): Promise<string[]> => {
    state.expected = null
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { ids, head } = await appendChained(pool, tenantId, rows, signer)
        state.expected = head
        return ids
      } catch (error) {
        if (!retried(error) || attempt >= CLASSIC_ATTEMPTS) throw error
      }
    }
  }

  /** Appends a tenant's checked events to its chain; returns the ids that were new. */
  return async function append(tenantId: string, rows: readonly EventRow[]): Promise<string[]> {
    const fresh = firstOfEachId(rows)
    if (fresh.length === 0) return []
    const state = stateOf(tenantId)
    // Once an id was held by another append, or the database refused the links, only the classic way filters.
    let classicOnly = false
    for (;;) {
      const { expected } = state
      classicOnly ||= fresh.some((row) => state.ids.has(row.id))
      const fast = !classicOnly && expected !== null && !(signer && checkpointDue(expected, expected.seq + fresh.length, new Date(), signer))
      if (!fast && state.running.size > 0) {
        // The appends that come meanwhile wait too, so the running ones end and this one is not starved.
        state.expected = null
        await Promise.allSettled(state.running)
        continue
      }
      const attempt = fast ? linked(tenantId, fresh, state, expected) : classic(tenantId, fresh, state)
      state.running.add(attempt)
      for (const row of fresh) state.ids.add(row.id)
      try {
        return await attempt
      } catch (error) {
        if (!fast || !retried(error)) throw error
        classicOnly = true
      } finally {
        state.running.delete(attempt)
        for (const row of fresh) state.ids.delete(row.id)
      }
    }
  }
}
