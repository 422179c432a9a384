import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

import type { AuditLogHandler } from './types'

/**
 * Mounts a Fetch API handler on `node:http` (and Express, whose `req`/`res` are the same objects): the
 * request body streams in, the answer streams out with backpressure, and a closed connection cancels the
 * answer (an export stops reading the database).
 */
export function toNodeListener(handler: AuditLogHandler, origin = 'http://localhost') {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const controller = new AbortController()
    res.on('close', () => {
      controller.abort()
    })
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item)
      else if (value !== undefined) headers.set(name, value)
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(new URL(req.url ?? '/', origin), {
      method: req.method ?? 'GET',
      headers,
      signal: controller.signal,
      ...(hasBody ? { body: Readable.toWeb(req), duplex: 'half' } : {}),
    } as RequestInit)
    handler(request)
      .then((response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers))
        if (!response.body) {
          res.end()
          return
        }
        const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>)
        body.on('error', () => res.destroy())
        res.on('close', () => body.destroy())
        body.pipe(res)
      })
      .catch(() => {
        res.statusCode = 500
        res.end()
      })
  }
}
