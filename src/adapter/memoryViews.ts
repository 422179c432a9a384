import { readViewColumns, readViewName, readViewSearch, type SavedView, type SavedViewInput } from '../core/savedViews'
import { AuditLogsError } from './errors'
import type { AuditLogsAdapter } from './types'

/** The outcome of `work` as a promise: what it throws becomes a rejection, as a backend's refusal would. */
const settled = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()))

type ViewStorage = Required<Pick<AuditLogsAdapter, 'listViews' | 'saveView' | 'deleteView'>>

/** A view as given, checked as a server checks it: a refused one is an `invalid-query` error naming why. */
function checkedView(input: SavedViewInput, id: string): SavedView {
  const name = readViewName(input.name)
  const search = readViewSearch(input.search)
  const columns = input.columns === undefined ? undefined : readViewColumns(input.columns)
  const problem = typeof name !== 'string' ? name.problem : typeof search === 'string' ? search : typeof columns === 'string' ? columns : null
  if (problem !== null || typeof name !== 'string' || typeof search === 'string' || typeof columns === 'string')
    throw new AuditLogsError('invalid-query', `The view cannot be saved: ${problem ?? 'it is malformed'}.`)
  // Typed, but the mocks hand it whatever a request's body held.
  const scope: unknown = input.scope
  if (scope !== 'personal' && scope !== 'shared')
    throw new AuditLogsError('invalid-query', 'The view cannot be saved: its scope is not "personal" or "shared".')
  // Only a shared view can be the tenant's default: a personal one would open for nobody else.
  const isDefault = scope === 'shared' && input.isDefault === true
  return { id, name, search, ...(columns ? { columns } : {}), scope, isDefault }
}

/**
 * Saved views kept in memory per tenant (`''` without one), as the memory adapter and the mocks store them;
 * each tenant starts with a copy of `initial`. A memory store has no users: every view is listed to
 * everyone; a new default clears the tenant's other default.
 */
export function createViewStorage(initial: readonly SavedView[]): ViewStorage {
  const byTenant = new Map<string, SavedView[]>()
  let made = 0
  const viewsOf = (tenantId: string | undefined): SavedView[] => {
    const key = tenantId ?? ''
    const views = byTenant.get(key) ?? structuredClone([...initial])
    byTenant.set(key, views)
    return views
  }
  return {
    listViews: ({ tenantId }) => settled(() => structuredClone(viewsOf(tenantId))),
    saveView: (input, { tenantId }) =>
      settled(() => {
        const views = viewsOf(tenantId)
        const at = input.id === undefined ? -1 : views.findIndex((candidate) => candidate.id === input.id)
        if (input.id !== undefined && at < 0) throw new AuditLogsError('not-found', `No saved view has the id "${input.id.slice(0, 80)}".`)
        made += 1
        const view = checkedView(input, input.id ?? `view-${String(made)}`)
        if (view.isDefault) for (const other of views) other.isDefault = false
        if (at < 0) views.push(view)
        else views[at] = view
        return structuredClone(view)
      }),
    deleteView: (id, { tenantId }) =>
      settled(() => {
        const views = viewsOf(tenantId)
        const at = views.findIndex((candidate) => candidate.id === id)
        if (at >= 0) views.splice(at, 1)
      }),
  }
}
