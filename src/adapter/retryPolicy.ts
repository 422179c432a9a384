import { isAuditLogsError } from './errors'

const MAX_RETRIES = 2

/**
 * Retries what may pass on a second try (network failures, 5xx, errors of unknown origin) at most twice;
 * never what will fail the same way again (4xx, malformed responses, bad queries, simulated failures).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false
  if (!isAuditLogsError(error)) return true
  if (error.code === 'network') return true
  return error.code === 'http' && (error.status ?? 0) >= 500
}
