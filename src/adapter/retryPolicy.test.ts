import { describe, expect, it } from 'vitest'

import { AuditLogsError } from './errors'
import { retryDelay, shouldRetry } from './retryPolicy'

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
      new AuditLogsError('timeout', 'x'),
    ]) {
      expect(shouldRetry(0, error)).toBe(false)
    }
  })

  it('backs off briefly and boundedly: every retry done, the error shows within two seconds of waiting', () => {
    const waits = [0, 1].filter((count) => shouldRetry(count, new Error('x'))).map(retryDelay)
    expect(waits).toEqual([500, 1000])
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBeLessThanOrEqual(2000)
  })
})
