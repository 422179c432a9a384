/** A request the server refuses, with the status and the `{ "message" }` it answers. */
export class HttpError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'HttpError'
    this.status = status
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, message)
