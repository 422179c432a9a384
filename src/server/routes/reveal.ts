import { getPath, parsePath } from '../../core/path'
import { hiddenKindAt } from '../../core/sensitive'
import { recordReveal } from '../accessEvents'
import { invalid } from '../errors'
import { json, message } from '../http'
import { MAX_TEXT } from '../query'
import { policyFor } from '../sensitive'
import type { RouteContext } from './context'

/**
 * `GET /events/{id}/reveal?path=user.email`: one hidden value of one event, for a request `authorize` allows to
 * `reveal`. The reveal is recorded in the same log before the value leaves, as an event of the request's actor.
 */
export async function revealValue(context: RouteContext): Promise<Response> {
  const { url, tenantId, param, options } = context
  const key = url.searchParams.get('path') ?? ''
  const path = key.length <= MAX_TEXT ? parsePath(key) : null
  if (!path || path.length === 0) throw invalid('"path" must be the field path of a hidden value, such as "user.email".')
  if (hiddenKindAt(path, await policyFor(context)) === null) throw invalid(`"${key.slice(0, 80)}" is not hidden.`)
  const event = param === '' ? null : await options.store.getEvent(tenantId, param)
  if (!event) return message(404, 'No event with this id.')
  await recordReveal(context, event.id, key)
  return json({ value: getPath(event, key) ?? null })
}
