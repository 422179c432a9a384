import { describe, expect, it } from 'vitest'

import { AuditLogsError } from './errors'
import { shouldRetry } from './retryPolicy'

describe('shouldRetry', () => {
  it('retries network failures, 5xx and unknown errors at most twice', () => {
    for (const error of [new AuditLogsError('network', 'x'), new AuditLogsError('http', 'x', { status: 503 }), new Error('x')]) {
      expect([0, 1, 2].map((count) => shouldRetry(count, error))).toEqual([true, true, false])
    }
  })

  it('never retries what will fail again', () => {
    for (const error of [
      new AuditLogsError('http', 'x', { status: 401 }),
      new AuditLogsError('http', 'x', { status: 404 }),
      new AuditLogsError('malformed-response', 'x'),
      new AuditLogsError('invalid-query', 'x'),
      new AuditLogsError('simulated', 'x'),
    ]) {
      expect(shouldRetry(0, error)).toBe(false)
    }
  })
})
