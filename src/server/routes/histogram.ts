import { searchParamsToHistogram } from '../../adapter/histogramContract'
import { isInstantText } from '../../core/time'
import { invalid } from '../errors'
import { json } from '../http'
import { hiddenPaths, isHiddenKey, policyFor, refuseHiddenKeys } from '../sensitive'
import type { RouteContext } from './context'

/**
 * `GET /histogram?edge=…&edge=…&split=<key>&<the search>`: how many of the tenant's events of a search fall
 * in each bucket between the edges the viewer computed in its zone, split by one field's values.
 */
export async function histogram(context: RouteContext): Promise<Response> {
  const { url, tenantId, options } = context
  const request = searchParamsToHistogram(url.searchParams)
  const policy = await policyFor(context)
  refuseHiddenKeys(request.search, policy)
  // Counts split by a hidden field would tell its values apart as surely as listing them.
  if (request.splitBy !== undefined && isHiddenKey(request.splitBy, policy))
    throw invalid(`"${request.splitBy.slice(0, 80)}" is hidden: counting by its values would reveal them.`)
  const times = request.edges.map((edge) => (isInstantText(edge) ? Date.parse(edge) : Number.NaN))
  if (times.some((time, index) => Number.isNaN(time) || (index > 0 && time <= (times[index - 1] as number))))
    throw invalid('"edge" must be ISO-8601 instants with a time zone, each later than the one before.')
  return json(await options.store.histogram(tenantId, { ...request, hidden: hiddenPaths(policy) }))
}
