import { readViewColumns, readViewName, readViewSearch, type SavedView } from '../core/savedViews'
import { describe, isPlainObject } from './describeValue'
import { AuditLogsError } from './errors'

// Apart from `validate.ts` (up front): only the saved views panel and the fetch adapter read views.

const malformed = (problem: string, source: string): AuditLogsError =>
  new AuditLogsError('malformed-response', `The saved views response is malformed: ${problem}. ${source} is probably wrong.`)

/**
 * Checks one saved view: an id, a name of 1 to 100 characters, a search of known properties each of its
 * type, optional columns, a scope and a default flag. Views are data from the backend: anything else is one
 * clear error, never a crash where the view is drawn or applied.
 */
export function validateView(value: unknown, source = 'The adapter', at = 'the view'): SavedView {
  if (!isPlainObject(value)) throw malformed(`${at} is ${describe(value)}, expected { id, name, search, scope, isDefault }`, source)
  const { id, name, search, columns, scope, isDefault } = value
  if (typeof id !== 'string' || id === '' || id.length > 200) throw malformed(`${at}.id is ${describe(id)}, expected text`, source)
  const checkedName = readViewName(name)
  if (typeof checkedName !== 'string') throw malformed(`${at}.name is ${describe(name)}: ${checkedName.problem}`, source)
  const checkedSearch = readViewSearch(search)
  if (typeof checkedSearch === 'string') throw malformed(`${at}.search: ${checkedSearch}`, source)
  const checkedColumns = columns === undefined || columns === null ? undefined : readViewColumns(columns)
  if (typeof checkedColumns === 'string') throw malformed(`${at}: ${checkedColumns}`, source)
  if (scope !== 'personal' && scope !== 'shared') throw malformed(`${at}.scope is ${describe(scope)}, expected "personal" or "shared"`, source)
  if (typeof isDefault !== 'boolean') throw malformed(`${at}.isDefault is ${describe(isDefault)}, expected true or false`, source)
  return { id, name: checkedName, search: checkedSearch, ...(checkedColumns ? { columns: checkedColumns } : {}), scope, isDefault }
}

/** Checks an answer of `listViews`: an array of saved views with distinct ids. */
export function validateViews(value: unknown, source = 'The adapter'): SavedView[] {
  if (!Array.isArray(value)) throw malformed(`expected an array of views, got ${describe(value)}`, source)
  const views = Array.from(value as unknown[], (view, index) => validateView(view, source, `views[${String(index)}]`))
  const ids = new Set(views.map((view) => view.id))
  if (ids.size !== views.length) throw malformed('two views share an id', source)
  return views
}
