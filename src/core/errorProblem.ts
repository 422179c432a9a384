import type { ErrorProblem, PagingStop } from './problems'

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
