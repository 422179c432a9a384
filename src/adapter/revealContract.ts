import { AuditLogsError } from './errors'

/** The REST contract's reveal of one hidden value: `GET /events/{id}/reveal?path=user.email` → `{ "value": … }`. */
export const revealPath = (id: string, path: string): string => `/events/${encodeURIComponent(id)}/reveal?${new URLSearchParams({ path }).toString()}`

/** The revealed value from a reveal's answer, which must be an object with `value`. */
export function readRevealed(body: unknown, source: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, 'value')) {
    throw new AuditLogsError('malformed-response', `The answer to a reveal has no "value". ${source} is probably wrong.`)
  }
  return (body as { value: unknown }).value
}
