import type { Connection, Submittable } from 'pg'

/**
 * `COPY … TO STDOUT` on one client (`client.query(copy)`), each row handed to `onRow` as the driver parses it
 * (one CopyData message: the row's bytes with its newline, valid during the call). `pause` stops reading the
 * socket, so the database waits once the socket's buffers are full: the reader's pace sets the database's.
 * `done` settles once the statement has ended, rejected with its error or the first error `onRow` threw.
 *
 * pg calls these `handle…` methods on the query it runs (its own `Query` has them all); a COPY to the client
 * only ever sends CopyOutResponse, CopyData, CopyDone, CommandComplete or an error, then ReadyForQuery.
 */
export class CopyOut implements Submittable {
  readonly done: Promise<void>
  private connection: Connection | null = null
  private failure: Error | null = null
  private ended = false
  private resolve: () => void = () => undefined
  private reject: (error: Error) => void = () => undefined

  constructor(
    readonly text: string,
    private readonly onRow: (row: Buffer) => void,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve
      this.reject = reject
    })
    // Whoever awaits `done` sees the failure; until then it must not count as unhandled.
    this.done.catch(() => undefined)
  }

  /** Whether the statement is still running: its connection is then busy with it until it ends. */
  get running(): boolean {
    return this.connection !== null && !this.ended
  }

  submit(connection: Connection): void {
    this.connection = connection
    connection.query(this.text)
  }

  pause(): void {
    this.connection?.stream.pause()
  }

  resume(): void {
    this.connection?.stream.resume()
  }

  handleCopyData(message: { chunk: Buffer }): void {
    if (this.failure !== null) return
    try {
      this.onRow(message.chunk)
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error('An exported row could not be written.'))
    }
  }

  handleError(error: Error): void {
    // A broken connection sends no ReadyForQuery after it: this is the end too.
    if (this.failure === null) this.fail(error)
    this.ended = true
  }

  handleReadyForQuery(): void {
    this.ended = true
    this.resume()
    if (this.failure === null) this.resolve()
  }

  handleCommandComplete(): void {}

  private fail(error: Error): void {
    this.failure = error
    this.reject(error)
  }
}
