import { searchParamsToFieldValues } from '../../adapter/fieldValuesContract'
import { searchParamsToQuery } from '../../adapter/restContract'
import type { AuditSearch } from '../../core/types'
import { redactEvent } from '../../core/sensitive'
import { searchFingerprint } from '../cursor'
import { invalid } from '../errors'
import { json, message, readJson } from '../http'
import { keyFits, sortPlan } from '../query'
import { hiddenPaths, isHiddenKey, policyFor, refuseHiddenKeys } from '../sensitive'
import { Params } from '../sql'
import type { RouteContext } from './context'

/**
 * `GET /events`: a page of the tenant's events, newest first unless sorted, with an HMAC-signed keyset cursor
 * and the count of matches: `total` up to the handler's `countLimit`, `totalAtLeast` beyond it (unless
 * `count=exact` asks for the number, which reads every match).
 */
export async function listEvents(context: RouteContext): Promise<Response> {
  const { url, tenantId, options, cursors } = context
  const query = searchParamsToQuery(url.searchParams)
  if (query.limit > options.maxLimit) throw invalid(`"limit" must be between 1 and ${options.maxLimit}, got ${query.limit}.`)
  const search: AuditSearch = {}
  if (query.from) search.from = query.from
  if (query.to) search.to = query.to
  if (query.search) search.search = query.search
  if (query.filters) search.filters = query.filters
  if (query.exclude) search.exclude = query.exclude
  if (query.sort) search.sort = query.sort
  const policy = await policyFor(context)
  refuseHiddenKeys(search, policy)
  const hidden = hiddenPaths(policy)
  const fingerprint = searchFingerprint(search)
  let after: string[] | undefined
  let total: number | undefined
  let totalAtLeast: number | undefined
  if (query.cursor) {
    const state = cursors.decode(query.cursor, tenantId, fingerprint)
    if (!keyFits(sortPlan(search.sort, new Params()), state.key))
      throw invalid('The paging cursor does not fit this sort. Start again from the first page.')
    after = state.key
    total = state.total
    totalAtLeast = state.totalAtLeast
  }
  // The total is counted with the first page and carried in the cursor: deep pages cost one index range.
  const limit = url.searchParams.get('count') === 'exact' ? Infinity : options.countLimit
  const known = total !== undefined ? { count: total, exact: true } : totalAtLeast !== undefined ? { count: totalAtLeast, exact: false } : undefined
  const [page, counted] = await Promise.all([
    options.store.listEvents(tenantId, { search, limit: query.limit, hidden, ...(after ? { after } : {}) }),
    known ?? options.store.countEventsUpTo(tenantId, search, limit, hidden),
  ])
  const count = counted.exact ? { total: counted.count } : { totalAtLeast: counted.count }
  const nextCursor = page.nextKey ? cursors.encode({ tenantId, search: fingerprint, key: page.nextKey, ...count }) : null
  return json({ events: page.events.map((event) => redactEvent(event, policy)), nextCursor, ...count })
}

/** `GET /events/{id}`: one event of the tenant, its hidden values hidden; another tenant's id is as unknown as a made-up one. */
export async function getEvent(context: RouteContext): Promise<Response> {
  const { tenantId, param, options } = context
  const event = param === '' ? null : await options.store.getEvent(tenantId, param)
  return event ? json(redactEvent(event, await policyFor(context))) : message(404, 'No event with this id.')
}

/** `POST /events`: one event or a batch of up to 1,000, stored for the request's tenant; an id seen before is skipped. */
export async function ingestEvents({ request, tenantId, options }: RouteContext): Promise<Response> {
  const { ids, inserted } = await options.store.ingest(tenantId, await readJson(request, options.maxBodyBytes))
  return json({ ids, inserted, duplicates: ids.length - inserted }, inserted > 0 ? 201 : 200)
}

/** The most values one field-values request may ask for. */
export const MAX_FIELD_VALUES = 200

/** `GET /field-values?key=…`: the values of one field among the tenant's events of a search, with counts, most frequent first. */
export async function listFieldValues(context: RouteContext): Promise<Response> {
  const { url, tenantId, options } = context
  const { key, search, limit } = searchParamsToFieldValues(url.searchParams)
  if (limit > MAX_FIELD_VALUES) throw invalid(`"limit" must be between 1 and ${MAX_FIELD_VALUES}, got ${limit}.`)
  const policy = await policyFor(context)
  // A hidden field's values are not listed, nor counted one by one.
  if (isHiddenKey(key, policy)) return json({ values: [], complete: true })
  refuseHiddenKeys(search, policy)
  return json(await options.store.listFieldValues(tenantId, { key, search, limit, hidden: hiddenPaths(policy) }))
}
