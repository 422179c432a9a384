import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

import type { AuditSearch } from '../core/types'
import { invalid } from './errors'

/** What a cursor holds: whose it is, which search it pages, where the next page starts, and the first page's total. */
export interface CursorState {
  tenantId: string
  search: string
  key: string[]
  total?: number
  /** The first page's bound, when it stopped counting (`total` is then absent). */
  totalAtLeast?: number
}

const VERSION = 1
const MAX_CURSOR = 40_000

/**
 * A fingerprint of a search (range, text, filters, exclusions and sort; not the page size): a cursor made for one search
 * is refused by another, so a page never continues a different list.
 */
export function searchFingerprint(search: AuditSearch): string {
  const byKey = (values: Record<string, string[]> | undefined) =>
    Object.entries(values ?? {})
      .filter(([, texts]) => texts.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const filters = byKey(search.filters)
  const shape = [search.from ?? '', search.to ?? '', search.search ?? '', filters, search.sort?.key ?? 'createdAt', search.sort?.direction ?? 'desc']
  // Written only when there is one, so the cursors of searches without exclusions stay as they were.
  const exclude = byKey(search.exclude)
  if (exclude.length > 0) shape.push(exclude)
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 22)
}

/**
 * Opaque, tamper-checked cursors: the state as base64url JSON plus an HMAC-SHA256 of it under the server's
 * secret. A cursor that was changed, made elsewhere, or made for another tenant or search is a 400.
 */
export function createCursorCodec(secret: string | Uint8Array) {
  if ((typeof secret === 'string' ? Buffer.byteLength(secret) : secret.byteLength) < 16) {
    throw new Error('createAuditLogHandler: "cursorSecret" must be at least 16 bytes (e.g. 32 random bytes from your secret store).')
  }
  const sign = (body: string): Buffer => createHmac('sha256', secret).update(body).digest()

  return {
    encode(state: CursorState): string {
      const fields = [VERSION, state.tenantId, state.search, state.key, state.total ?? null]
      // Written only when there is one, so the cursors of counted lists stay as they were.
      if (state.totalAtLeast !== undefined) fields.push(state.totalAtLeast)
      const body = Buffer.from(JSON.stringify(fields)).toString('base64url')
      return `${body}.${sign(body).toString('base64url')}`
    },

    /** The state in a cursor made by `encode` for this tenant and search; else a 400. */
    decode(cursor: string, tenantId: string, search: string): { key: unknown[]; total: number | undefined; totalAtLeast: number | undefined } {
      const forged = invalid('The paging cursor is not one this server made for this search. Start again from the first page.')
      if (cursor.length > MAX_CURSOR) throw forged
      const [body = '', mac = '', ...rest] = cursor.split('.')
      const expected = sign(body)
      const given = Buffer.from(mac, 'base64url')
      if (rest.length > 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) throw forged
      let state: unknown
      try {
        state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
      } catch {
        throw forged
      }
      if (!Array.isArray(state) || state[0] !== VERSION || state[1] !== tenantId || state[2] !== search || !Array.isArray(state[3])) throw forged
      const count = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined)
      return { key: state[3] as unknown[], total: count(state[4]), totalAtLeast: count(state[5]) }
    },
  }
}

export type CursorCodec = ReturnType<typeof createCursorCodec>
