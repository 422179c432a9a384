import { AuditLogRefusal, invalid } from './errors'

const SECURITY_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const

/** A JSON answer that no cache keeps. */
export const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS } })

export const message = (status: number, text: string, headers: Record<string, string> = {}): Response => {
  const response = json({ message: text }, status)
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

export const noContent = (): Response => new Response(null, { status: 204, headers: SECURITY_HEADERS })

export const csvResponse = (body: ReadableStream<Uint8Array>, fileName: string): Response =>
  new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, ...SECURITY_HEADERS },
  })

/** A request's JSON body, read up to `maxBytes` (a longer one is a 413, never buffered whole). */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new AuditLogRefusal('not-json', 'Send the body as JSON (content-type: application/json).')
  const declared = Number(request.headers.get('content-length') ?? '0')
  const tooLarge = (): AuditLogRefusal => new AuditLogRefusal('too-large', `The body is larger than ${maxBytes} bytes.`)
  if (declared > maxBytes) throw tooLarge()
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength
      if (size > maxBytes) {
        await reader.cancel()
        throw tooLarge()
      }
      chunks.push(chunk.value)
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw invalid('The body is not valid JSON.')
  }
}
