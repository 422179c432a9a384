import { isAuditLogsError } from './errors'

const MAX_RETRIES = 2
const FIRST_DELAY_MS = 500

/**
 * The wait before a retry: 0.5 s, then 1 s. With two retries the error is on screen within about 1.5 s
 * plus the requests' own time, not after React Query's default of up to 30 s per wait.
 */
export function retryDelay(failureCount: number): number {
  return FIRST_DELAY_MS * 2 ** failureCount
}

/**
 * Retries what may pass on a second try (network failures, 5xx, errors of unknown origin) at most twice;
 * never what will fail the same way again (4xx, malformed responses, bad queries, simulated failures), nor a
 * timeout (the person already waited the whole limit; Retry is one click away).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false
  if (!isAuditLogsError(error)) return true
  if (error.code === 'network') return true
  return error.code === 'http' && (error.status ?? 0) >= 500
}
