import type { PagingStop } from './paging'

/** What went wrong with an adapter call, as a person is told it (in the viewer's language). */
export type ErrorProblem =
  /** No answer within the viewer's `requestTimeout`. */
  | { kind: 'timeout'; seconds: number }
  /** The server answered with an HTTP error status. */
  | { kind: 'http'; status: number; reason?: string }
  /** The server could not be reached. */
  | { kind: 'network' }
  /** The answer was not of the expected shape. */
  | { kind: 'malformed' }
  /** No event has the requested id. */
  | { kind: 'not-found' }
  /** The backend cannot answer this search (a bad cursor or date). */
  | { kind: 'invalid-query' }
  /** Paging stopped because the backend's paging cannot be trusted: a page position came twice, empty pages without end. */
  | { kind: 'paging-stopped'; reason: PagingStop }
  /** Anything else: a host adapter's own error, a simulated failure. */
  | { kind: 'unknown' }

/**
 * The kind of an adapter call's failure, from its `code` (an `AuditLogsError`'s, duck-typed so this module
 * stays free of the adapter layer). A `TypeError` is what `fetch` rejects with when the network fails.
 * `timeoutMs` is the viewer's limit, for the timeout's wording.
 */
export function errorProblem(error: unknown, timeoutMs: number): ErrorProblem {
  const { code, status, reason } = (error ?? {}) as { code?: unknown; status?: unknown; reason?: unknown }
  switch (code) {
    case 'timeout':
      return { kind: 'timeout', seconds: timeoutMs / 1000 }
    case 'http':
      if (typeof status !== 'number') return { kind: 'unknown' }
      return typeof reason === 'string' && reason !== '' ? { kind: 'http', status, reason } : { kind: 'http', status }
    case 'network':
    case 'not-found':
    case 'invalid-query':
      return { kind: code }
    case 'malformed-response':
      return { kind: 'malformed' }
    case 'paging-stopped':
      // Set by the export with the stop it met (`AuditLogsError`'s `reason`).
      return { kind: code, reason: reason as PagingStop }
  }
  return { kind: error instanceof TypeError ? 'network' : 'unknown' }
}
