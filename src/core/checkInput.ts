import { DAY_MS, longerThan } from './rangeInput'
import { isValidPath } from './path'
import { fieldForQueryKey, type QueryCapabilities } from './queryable'
import type { InputProblem } from './problems'
import type { AuditField, AuditSearch as Search } from './types'

// Callers of the checks find their problem here too; it is defined with the other problem kinds.
export type { InputProblem }

/**
 * The data structure as the viewer can use it: fields without a string key, second fields with one key, and
 * fields whose key is no dot path and that have no accessor are left out, each with a problem. The input
 * array itself comes back when nothing was wrong.
 */
export function checkFields<TEvent>(fields: readonly AuditField<TEvent>[]): { fields: readonly AuditField<TEvent>[]; problems: InputProblem[] } {
  const problems: InputProblem[] = []
  const keys = new Set<string>()
  const kept = fields.filter((field: Partial<AuditField<TEvent>> | null) => {
    const key = field?.key
    let problem: InputProblem | null = null
    if (typeof key !== 'string' || key === '') problem = { kind: 'field-without-key' }
    else if (keys.has(key)) problem = { kind: 'duplicate-field', key }
    else if (typeof field?.value !== 'function' && !isValidPath(key)) problem = { kind: 'invalid-field-path', key }
    if (problem) problems.push(problem)
    else keys.add(key as string)
    return !problem
  })
  return { fields: problems.length > 0 ? kept : fields, problems }
}

const parse = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN)

/**
 * The search as the viewer can run it against these fields and this adapter: a sort by a key no field is
 * sorted by (see `sortKeyOf`) becomes newest first, filters by a key no field is filtered by (and values
 * that are not text) are dropped, so are "is not" filters for an adapter without `supportsExclude`, a From or To that is no instant is dropped, and a range longer than
 * `maxDays` starts `maxDays` before its end (`now` when open).
 * The input object itself comes back when nothing was wrong.
 */
export function checkSearch(
  search: Search,
  fields: readonly AuditField<never>[],
  maxDays: number,
  now: number,
  capabilities: QueryCapabilities = {},
): { search: Search; problems: InputProblem[] } {
  const problems: InputProblem[] = []
  const checked: Search = { ...search }
  const { sort, from, to } = search
  if (sort && sort.key !== 'createdAt' && !fieldForQueryKey(fields, sort.key, capabilities, 'sort')) {
    problems.push({ kind: 'unknown-sort', key: sort.key })
    checked.sort = { key: 'createdAt', direction: 'desc' }
  }
  let changed = false
  // "Is not" filters the adapter would ignore are dropped (and said), never sent: the table would show the
  // very events a person excluded.
  for (const name of ['filters', 'exclude'] as const) {
    const given = search[name]
    if (!given) continue
    const kept = Object.entries(given).flatMap(([key, values]): Array<[string, string[]]> => {
      const texts = Array.isArray(values) ? values.filter((value) => typeof value === 'string') : []
      changed ||= texts.length !== (values as unknown[] | undefined)?.length
      const supported = name === 'filters' || capabilities.supportsExclude
      if (supported && fieldForQueryKey(fields, key, capabilities, 'filter')) return [[key, texts]]
      problems.push({ kind: supported ? 'unknown-filter' : 'unsupported-exclude', key })
      return []
    })
    checked[name] = Object.fromEntries(kept)
  }
  const [start, end] = [parse(from), parse(to)]
  // An open range ends now.
  const until = Number.isNaN(end) ? now : end
  if ((from !== undefined && Number.isNaN(start)) || (to !== undefined && Number.isNaN(end)) || end <= start) {
    problems.push({ kind: 'invalid-range' })
    delete checked.from
    delete checked.to
  } else if (from !== undefined && longerThan(start, until, maxDays)) {
    problems.push({ kind: 'range-too-long', maxDays })
    checked.from = new Date(until - maxDays * DAY_MS).toISOString()
  }
  if (search.search !== undefined && typeof search.search !== 'string') {
    delete checked.search
    changed = true
  }
  return { search: problems.length > 0 || changed ? checked : search, problems }
}
