import { readValue } from '../core/fields'
import type { Histogram, HistogramRequest } from '../core/histogram'
import { getPath, parsePath } from '../core/path'
import { hiddenKindAt, redactEvent, sensitivePolicy } from '../core/sensitive'
import { withEventTime } from '../core/time'
import type { AuditEvent, AuditPage, AuditQuery, AuditSearch, AuditSort, FieldValues, FieldValuesRequest } from '../core/types'
import type { ChainLink, ChainWalk } from '../core/integrityChain'
import { decodeOffsetCursor, encodeOffsetCursor } from './cursor'
import { abortableDelay, abortReason } from './delay'
import { AuditLogsError } from './errors'
import { countHistogram } from './memoryHistogram'
import { createViewStorage } from './memoryViews'
import { countValues, excludeEvents, selectEvents } from './memoryQuery'
import { keptTimes, type ReadKey, type TimeAt } from './memoryRead'
import { sortEvents } from './memorySort'
import type { AdapterCallOptions, AuditLogsAdapter } from './types'

import type { MemoryAdapter, MemoryAdapterOptions } from './memoryAdapterOptions'

export type { MemoryAdapter, MemoryAdapterOptions } from './memoryAdapterOptions'

/** Results kept per query (without paging), so paging through a large log does not re-sort it. */
const CACHED_QUERIES = 4
const MAX_LIMIT = 1000

const checkLimit = (limit: number): void => {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new AuditLogsError('invalid-query', `"limit" must be a whole number from 1 to ${MAX_LIMIT}, got ${limit}.`)
  }
}

/**
 * An adapter over an array of events: filters by half-open time range, searches every string value,
 * applies field filters, sorts by any field and pages with an opaque cursor. For demos, stories, tests,
 * and small logs a host already holds in memory.
 */
export function createMemoryAdapter<TEvent extends AuditEvent>(
  given: readonly TEvent[],
  options: MemoryAdapterOptions<TEvent> = {},
): MemoryAdapter<TEvent> {
  const { latency = 0, fail, defaultSort = { key: 'createdAt', direction: 'desc' }, tenantKey, timeFormat } = options
  // A copy: the events are read as they are now (a host that changes its array later makes a new adapter).
  const stored = timeFormat === undefined || timeFormat === 'iso' ? [...given] : given.map((event) => withEventTime(event, timeFormat))
  // With sensitive values, queries run on what a person may see; reveals read the stored events.
  const policy = options.sensitive && sensitivePolicy(options.sensitive.fields, options.sensitive.names)
  const events = policy ? stored.map((event) => redactEvent(event, policy)) : stored
  const derived = new Map((options.fields ?? []).filter((field) => field.value).map((field) => [field.key, field]))
  const read: ReadKey | undefined =
    derived.size === 0
      ? undefined
      : (event, key) => {
          const field = derived.get(key)
          return field ? readValue(field, event as TEvent).value : getPath(event, key)
        }
  const results = new Map<string, readonly TEvent[]>()
  // Every event sorted once per sort, reused by every query with that sort (the export's pinned end included).
  const sortedLists = new Map<string, { events: readonly TEvent[]; timeAt: TimeAt }>()
  let calls = 0

  const sortedBy = (sort: AuditSort): { events: readonly TEvent[]; timeAt: TimeAt } => {
    const key = JSON.stringify(sort)
    let sorted = sortedLists.get(key)
    if (sorted) {
      sortedLists.delete(key) // re-inserted below: most recently used last
    } else {
      const list = sortEvents(events, sort, read)
      sorted = { events: list, timeAt: keptTimes(list) }
    }
    sortedLists.set(key, sorted)
    if (sortedLists.size > CACHED_QUERIES) sortedLists.delete(sortedLists.keys().next().value as string)
    return sorted
  }

  const matching = (query: AuditSearch, tenantId: string | undefined): readonly TEvent[] => {
    const { from, to, search, exclude, sort = defaultSort } = query
    // The tenant is one more filter, applied whatever the query says.
    const filters = tenantKey && tenantId !== undefined ? { ...query.filters, [tenantKey]: [tenantId] } : query.filters
    const key = JSON.stringify([from, to, search, filters, sort, exclude])
    let result = results.get(key)
    if (result) {
      results.delete(key) // re-inserted below: most recently used last
    } else {
      const sorted = sortedBy(sort)
      result = excludeEvents(selectEvents(sorted.events, sort, { from, to, search, filters }, read, sorted.timeAt), exclude, read)
    }
    results.set(key, result)
    if (results.size > CACHED_QUERIES) results.delete(results.keys().next().value as string)
    return result
  }

  const wait = async (signal: AbortSignal): Promise<void> => {
    if (latency > 0) await abortableDelay(latency, signal)
    else if (signal.aborted) throw abortReason(signal)
  }

  let storedFields = options.fieldConfig
  const fieldStorage: Pick<AuditLogsAdapter<TEvent>, 'loadFieldConfig' | 'saveFieldConfig'> = storedFields === undefined
    ? {}
    : {
        loadFieldConfig: async ({ signal }) => {
          await wait(signal)
          return storedFields ?? []
        },
        saveFieldConfig: async (fields, { signal }) => {
          await wait(signal)
          storedFields = structuredClone(fields)
        },
      }

  // Walked once, on the first check: the events of a memory adapter do not change.
  let walked: Promise<{ walk: ChainWalk; links: readonly ChainLink[]; byId: Map<string, TEvent> }> | undefined
  const { chain } = options
  const integrity: Pick<AuditLogsAdapter<TEvent>, 'verifyIntegrity'> = chain === undefined
    ? {}
    : {
        verifyIntegrity: async (request, { signal }) => {
          await wait(signal)
          // The chain's code loads with the first check: an adapter without a chain never downloads it.
          const { reportOf, walkChain } = await import('../core/integrityChain')
          walked ??= Promise.resolve(chain).then(async (links) => {
            const byId = new Map(events.map((event) => [event.id, event]))
            return { walk: await walkChain(byId, links), links, byId }
          })
          const { walk, links, byId } = await walked
          return reportOf(walk, links, byId, request)
        },
      }

  return {
    ...fieldStorage,
    ...integrity,
    ...(options.views === undefined ? {} : createViewStorage(options.views)),
    ...(derived.size === 0 ? {} : { derivedKeys: [...derived.keys()] }),
    supportsExclude: true,
    async listEvents(query: AuditQuery, { signal, tenantId }: AdapterCallOptions): Promise<AuditPage<TEvent>> {
      calls += 1
      const call = calls
      await wait(signal)
      const failure = fail?.(query, call)
      if (failure instanceof Error) throw failure
      if (failure) throw new AuditLogsError('simulated', 'The audit log could not be loaded (simulated failure).')
      checkLimit(query.limit)
      const offset = decodeOffsetCursor(query.cursor)
      const result = matching(query, tenantId)
      const end = offset + query.limit
      const { countLimit } = options
      return {
        events: result.slice(offset, end),
        nextCursor: end < result.length ? encodeOffsetCursor(end) : null,
        ...(countLimit !== undefined && result.length > countLimit ? { totalAtLeast: countLimit } : { total: result.length }),
      }
    },

    async countEvents(search: AuditSearch, { signal, tenantId }: AdapterCallOptions): Promise<number> {
      await wait(signal)
      const { sort: _sort, ...unsorted } = search
      return matching(unsorted, tenantId).length
    },

    async listFieldValues(request: FieldValuesRequest, { signal, tenantId }: AdapterCallOptions): Promise<FieldValues> {
      await wait(signal)
      checkLimit(request.limit)
      // Counted over the search's cached result (in time order: the order does not change the counts).
      const { sort: _sort, ...search } = request.search
      return countValues(matching(search, tenantId), request.key, request.limit, read)
    },

    async histogram(request: HistogramRequest, { signal, tenantId }: AdapterCallOptions): Promise<Histogram> {
      await wait(signal)
      const { sort: _sort, ...search } = request.search
      return countHistogram(matching(search, tenantId), request, read ?? ((event, key) => getPath(event, key)))
    },

    async getEvent(id: string, { signal, tenantId }: AdapterCallOptions): Promise<TEvent> {
      await wait(signal)
      return findEvent(events, id, tenantId)
    },

    ...(policy
      ? {
          async revealValue(id: string, path: string, { signal, tenantId }: AdapterCallOptions): Promise<unknown> {
            await wait(signal)
            const segments = parsePath(path)
            if (!segments || hiddenKindAt(segments, policy) === null) throw new AuditLogsError('invalid-query', `"${path}" is not hidden.`)
            const event = findEvent(stored, id, tenantId)
            // Recorded in this log, newest first, before the value is answered.
            const record = revealRecord(id, path, options.sensitive?.actor, tenantKey && tenantId !== undefined ? { [tenantKey]: tenantId } : {})
            stored.unshift(record as TEvent)
            events.unshift(redactEvent(record as TEvent, policy))
            results.clear()
            sortedLists.clear()
            return getPath(event, path) ?? null
          },
        }
      : {}),
  }

  /** One pass from the end (the last of events that share an id, as a map would hold): cheaper than a map for one open. */
  function findEvent(list: readonly TEvent[], id: string, tenantId: string | undefined): TEvent {
    const event = list.findLast((candidate) => candidate.id === id)
    const otherTenant = event && tenantKey && tenantId !== undefined && getPath(event, tenantKey) !== tenantId
    if (!event || otherTenant) throw new AuditLogsError('not-found', `No event has the id "${id}".`)
    return event
  }
}

let reveals = 0

/** The event a reveal leaves in the log, as the server records it. */
const revealRecord = (eventId: string, path: string, actor: Record<string, unknown> | undefined, tenant: Record<string, unknown>): AuditEvent => ({
  id: `reveal-${String((reveals += 1))}-${String(Date.now())}`,
  createdAt: new Date().toISOString(),
  action: 'Hidden value revealed',
  severity: 'High',
  module: 'Audit logs',
  resource: 'Audit log',
  result: 'success',
  ...(actor ? { user: actor } : {}),
  ...tenant,
  payload: { eventId, path },
})
