import { describe, expect, it } from 'vitest'

import { checkSearch } from '../../core/checkInput'
import { defaultFields } from '../../core/fields'
import { readUrlState, writeUrlState } from '../../hooks/urlState'
import { addFilter, searchForValues } from './addFilter'
import { clearFilters, removeFilter } from './filters'

describe('"is" and "is not" filters in the search', () => {
  it('adds a value to one list, once ignoring case, and takes it out of the other', () => {
    const included = addFilter({}, 'result', 'success')
    expect(addFilter(included, 'result', 'SUCCESS')).toBe(included)
    expect(addFilter(included, 'result', 'Success', 'exclude')).toEqual({ exclude: { result: ['Success'] } })
    expect(addFilter({ exclude: { result: ['failed'] } }, 'action', 'login', 'exclude')).toEqual({
      exclude: { result: ['failed'], action: ['login'] },
    })
  })

  it('removes one value of one list, dropping what is left empty, and clears both', () => {
    const search = { filters: { action: ['login'] }, exclude: { result: ['success', 'failed'] } }
    expect(removeFilter(search, 'result', 'success', 'exclude')).toEqual({ filters: { action: ['login'] }, exclude: { result: ['failed'] } })
    expect(removeFilter(search, 'action', 'login')).toEqual({ exclude: { result: ['success', 'failed'] } })
    expect(clearFilters({ ...search, search: 'x' })).toEqual({ search: 'x' })
  })

  it("counts a field's values without its own filters, so its alternatives show", () => {
    const search = {
      search: 'x',
      sort: { key: 'createdAt', direction: 'desc' as const },
      filters: { result: ['success'], action: ['login'] },
      exclude: { result: ['failed'] },
    }
    expect(searchForValues(search, 'result')).toEqual({ search: 'x', filters: { action: ['login'] } })
  })

  it('round-trips "is not" through the URL', () => {
    const state = { search: { filters: { action: ['login'] }, exclude: { result: ['success'], 'ip.address': ['::1'] } }, openEventId: null }
    const written = writeUrlState(new URLSearchParams('tab=1&audit.exclude.stale=x'), state, 'audit.')
    expect(written.getAll('audit.exclude.result')).toEqual(['success'])
    expect(written.has('audit.exclude.stale')).toBe(false)
    expect(readUrlState(written, 'audit.').search).toEqual(state.search)
  })

  it('drops "is not" filters, with a notice, for an adapter that does not declare it applies them', () => {
    const search = { exclude: { result: ['success'] } }
    expect(checkSearch(search, defaultFields, 30, Date.now()).problems).toEqual([{ kind: 'unsupported-exclude', key: 'result' }])
    expect(checkSearch(search, defaultFields, 30, Date.now()).search.exclude).toEqual({})
    expect(checkSearch(search, defaultFields, 30, Date.now(), { supportsExclude: true })).toEqual({ search, problems: [] })
    expect(checkSearch({ exclude: { nope: ['x'] } }, defaultFields, 30, Date.now(), { supportsExclude: true }).problems).toEqual([
      { kind: 'unknown-filter', key: 'nope' },
    ])
  })
})
