/** Why an adapter call failed. */
export type AuditLogsErrorCode =
  /** The server answered with an HTTP error status. */
  | 'http'
  /** The server could not be reached. */
  | 'network'
  /** The answer did not have the expected shape. */
  | 'malformed-response'
  /** The query itself cannot be answered (bad cursor, unparseable date). */
  | 'invalid-query'
  /** No event has the requested id. */
  | 'not-found'
  /** The adapter did not answer within the viewer's `requestTimeout`. */
  | 'timeout'
  /** The backend's paging cannot be trusted (a cursor came twice, empty pages without end): see `reason`. */
  | 'paging-stopped'
  /** A simulated failure of the memory adapter. */
  | 'simulated'

/** An error with a message meant for people and the facts a program needs (`code`, `status`). */
export class AuditLogsError extends Error {
  override readonly name = 'AuditLogsError'
  readonly code: AuditLogsErrorCode
  /** HTTP status, for `code: 'http'`. */
  readonly status?: number
  /**
   * Why, in a word a program can read: for `code: 'http'` the backend's own words when it refused the request
   * (a 400's JSON `message`, for people to read); for `code: 'paging-stopped'` the stop (`PagingStop`).
   */
  readonly reason?: string

  constructor(code: AuditLogsErrorCode, message: string, options: { status?: number; reason?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.code = code
    if (options.status !== undefined) this.status = options.status
    if (options.reason !== undefined) this.reason = options.reason
  }
}

export function isAuditLogsError(error: unknown): error is AuditLogsError {
  return error instanceof AuditLogsError
}

/** Whether an error is the rejection of an aborted request, which the viewer ignores. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}
