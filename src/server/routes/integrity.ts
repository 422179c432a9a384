import { isInstantText } from '../../core/time'
import type { IntegrityRange } from '../chain/verifyChain'
import { invalid } from '../errors'
import { json } from '../http'
import type { RouteContext } from './context'

function instant(params: URLSearchParams, name: 'from' | 'to'): string | undefined {
  const value = params.get(name)
  if (value === null || value === '') return undefined
  const given: string = value
  if (!isInstantText(value)) throw invalid(`"${name}" must be an ISO-8601 instant with a time zone, got "${given.slice(0, 80)}".`)
  return value
}

function sequence(params: URLSearchParams, name: 'fromSeq' | 'toSeq'): number | undefined {
  const value = params.get(name)
  if (value === null || value === '') return undefined
  const seq = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seq) || seq < 1) throw invalid(`"${name}" must be a positive whole number, got "${value}".`)
  return seq
}

/**
 * `GET /integrity?from&to&fromSeq&toSeq&eventId`: recomputes the tenant's hash chain over the events of `[from, to)`
 * (and/or a range of sequence numbers; all of them when none is given) and checks its signed checkpoints:
 * `{ verifiedThrough, events, unchained, checkpoint, problem? }`, the problem naming the first event that breaks;
 * with `eventId`, also `event: { seq, hash, state }` of that event (for the viewer's drawer; `hash` is null for a
 * request that may not `reveal`).
 */
export async function verifyIntegrity(context: RouteContext): Promise<Response> {
  const { url, tenantId, options, request } = context
  const range: IntegrityRange = {}
  const from = instant(url.searchParams, 'from')
  const to = instant(url.searchParams, 'to')
  const fromSeq = sequence(url.searchParams, 'fromSeq')
  const toSeq = sequence(url.searchParams, 'toSeq')
  if (from !== undefined) range.from = from
  if (to !== undefined) range.to = to
  if (fromSeq !== undefined) range.fromSeq = fromSeq
  if (toSeq !== undefined) range.toSeq = toSeq
  const eventId = url.searchParams.get('eventId')
  if (eventId) range.eventId = eventId
  const report = await options.store.verifyIntegrity(tenantId, range)
  // An event's hash covers its hidden values too: with the rest of the event and the link before it, it would
  // confirm a guessed e-mail or IP. Only a request that may reveal values gets it.
  if (report.event && report.event.hash !== null) {
    const mayReveal = options.authorize ? await options.authorize(request, { tenantId, action: 'reveal' }) : false
    if (!mayReveal) report.event = { ...report.event, hash: null }
  }
  return json(report)
}
