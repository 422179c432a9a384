import { describe, expect, it } from 'vitest'

import { AuditLogsError } from '../adapter/errors'
import { defaultMessages } from './defaultMessages'
import { errorProblem } from './errorProblem'
import { germanMessages } from './messages.de'

describe('errorProblem', () => {
  it('reads the kind of a failure from its code, for wording in the viewer’s language', () => {
    expect(errorProblem(new AuditLogsError('timeout', 'late'), 30_000)).toEqual({ kind: 'timeout', seconds: 30 })
    expect(errorProblem(new AuditLogsError('http', 'x', { status: 503 }), 0)).toEqual({ kind: 'http', status: 503 })
    expect(errorProblem(new AuditLogsError('malformed-response', 'x'), 0)).toEqual({ kind: 'malformed' })
    expect(errorProblem(new AuditLogsError('network', 'x'), 0)).toEqual({ kind: 'network' })
    expect(errorProblem(new AuditLogsError('not-found', 'x'), 0)).toEqual({ kind: 'not-found' })
    expect(errorProblem(new AuditLogsError('invalid-query', 'x'), 0)).toEqual({ kind: 'invalid-query' })
    // fetch rejects with a TypeError when the network fails.
    expect(errorProblem(new TypeError('Failed to fetch'), 0)).toEqual({ kind: 'network' })
    expect(errorProblem(new Error('Token expired'), 0)).toEqual({ kind: 'unknown' })
    expect(errorProblem(new AuditLogsError('simulated', 'x'), 0)).toEqual({ kind: 'unknown' })
    expect(errorProblem(null, 0)).toEqual({ kind: 'unknown' })
  })

  it('is worded in English and German for every kind', () => {
    const problems = [
      { kind: 'timeout', seconds: 1 },
      { kind: 'http', status: 401 },
      { kind: 'http', status: 404 },
      { kind: 'http', status: 429 },
      { kind: 'http', status: 500 },
      { kind: 'http', status: 418 },
      { kind: 'network' },
      { kind: 'malformed' },
      { kind: 'not-found' },
      { kind: 'invalid-query' },
      { kind: 'unknown' },
    ] as const
    for (const problem of problems) {
      const english = defaultMessages.errorMessage(problem)
      const german = germanMessages.errorMessage(problem)
      expect(english).toMatch(/\.$/)
      expect(german).toMatch(/\.$/)
      expect(german).not.toBe(english)
    }
    expect(defaultMessages.errorMessage({ kind: 'timeout', seconds: 0.3 })).toBe('The audit-log service did not answer within 0.3 seconds.')
  })
})
