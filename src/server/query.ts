import { isValidPath, parsePath } from '../core/path'
import { isInstantText } from '../core/time'
import type { AuditSearch, AuditSort, SortDirection } from '../core/types'
import { invalid } from './errors'
import { containsPattern, type Params } from './sql'

export const MAX_SEARCH_TERMS = 20
export const MAX_FILTER_KEYS = 30
export const MAX_FILTER_VALUES = 200
export const MAX_TEXT = 500

/** One column of a keyset: what is selected into the cursor, what it is compared and ordered by, how a cursor value comes back. */
export interface KeyColumn {
  select: string
  expression: string
  fromCursor: (placeholder: string) => string
  /** The form a cursor value must have (checked before it reaches SQL). */
  form: RegExp
}

export interface SortPlan {
  columns: KeyColumn[]
  direction: SortDirection
}

const INT = /^-?\d{1,20}$/
const NUMERIC = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i
const ANY = /^[\s\S]{0,20000}$/

const ID_COLUMN: KeyColumn = { select: 'id', expression: 'id', fromCursor: (p) => `${p}::text`, form: ANY }
/** Microseconds since the epoch as text: exact, where a JavaScript number or Date would lose digits. */
const TIME_COLUMN: KeyColumn = {
  select: '(extract(epoch from created_at) * 1000000)::int8::text',
  expression: 'created_at',
  fromCursor: (p) => `(timestamptz 'epoch' + ${p}::int8 * interval '1 microsecond')`,
  form: INT,
}

function checkInstant(value: unknown, name: 'from' | 'to'): string {
  if (typeof value !== 'string' || !isInstantText(value)) {
    throw invalid(`"${name}" must be an ISO-8601 instant with a time zone, e.g. "2026-03-01T00:00:00Z".`)
  }
  return value
}

/** A field path of a client's key, checked (a 400 names it when it is none). */
export function pathOf(key: string, what: string): readonly string[] {
  const path = key.length <= MAX_TEXT && isValidPath(key) ? parsePath(key) : null
  if (!path || path.length === 0) throw invalid(`${what} "${key.slice(0, 80)}" is not a field path (such as "user.email").`)
  return path
}

/**
 * Whether the value at `key`, or any item of an array value, equals one of `values` ignoring case; never null.
 * A plain value is compared directly (most rows); only an array's items go through a set-returning scan.
 */
function valueIn(key: string, values: readonly string[], params: Params, indexed = false): string {
  const path = pathOf(key, 'The filter')
  if (values.length > MAX_FILTER_VALUES || values.some((value) => typeof value !== 'string' || value.length > MAX_TEXT)) {
    throw invalid(`The filter "${key.slice(0, 80)}" takes at most ${MAX_FILTER_VALUES} values of text.`)
  }
  const value = `(data #> ${params.add(path)}::text[])`
  // Both sides folded by the database, so "ignoring case" is one definition (`audit_fold`) for every script.
  const accepted = `array(select audit_fold(accepted) from unnest(${params.add(values)}::text[]) as accepted)`
  // The same match in the form the field's expression index serves (see the filterValues migration); the
  // exact condition after it only rechecks the rows the index found.
  const exact =
    `(case jsonb_typeof(${value})` +
    ` when 'array' then exists (select 1 from jsonb_array_elements(${value}) as item(value)` +
    ` where jsonb_typeof(item.value) in ('string', 'number', 'boolean') and audit_fold(item.value #>> '{}') = any(${accepted}))` +
    ` when 'object' then false when 'null' then false` +
    ` else coalesce(audit_fold(${value} #>> '{}') = any(${accepted}), false) end)`
  return indexed ? `(audit_values(${value}) && ${accepted} and ${exact})` : exact
}

/**
 * The conditions of a search, parameterised: the half-open range `[from, to)`, every free-text term (a
 * substring of the event's text, case-insensitive, as the memory adapter matches, never inside a `hidden` path), every field filter (the
 * value, or any item of an array value, equals one of the accepted values, ignoring case) and every exclusion
 * (none of them does).
 */
export function searchConditions(
  search: AuditSearch,
  params: Params,
  hidden: readonly (readonly string[])[] = [],
  /** Field keys with an expression index (`indexFilters`): their filters are written so it serves them. */
  indexed: ReadonlySet<string> = new Set(),
): string[] {
  const conditions: string[] = []
  if (search.from) conditions.push(`created_at >= ${params.add(checkInstant(search.from, 'from'))}::timestamptz`)
  if (search.to) conditions.push(`created_at < ${params.add(checkInstant(search.to, 'to'))}::timestamptz`)
  if (search.search !== undefined) {
    if (typeof search.search !== 'string' || search.search.length > MAX_TEXT)
      throw invalid(`"search" must be text of at most ${MAX_TEXT} characters.`)
    const terms = search.search.toLowerCase().split(/\s+/).filter(Boolean)
    if (terms.length > MAX_SEARCH_TERMS) throw invalid(`"search" may hold at most ${MAX_SEARCH_TERMS} words.`)
    // With hidden fields, a term must also occur once their values are taken out: search is no oracle for them.
    const visible = hidden.length === 0 ? null : `audit_text(${hidden.reduce((json, path) => `(${json} #- ${params.add(path)}::text[])`, 'data')})`
    for (const term of terms) {
      const pattern = params.add(containsPattern(term))
      conditions.push(`search_text like ${pattern}`)
      if (visible) conditions.push(`${visible} like ${pattern}`)
    }
  }
  const filters = Object.entries(search.filters ?? {}).filter(([, values]) => values.length > 0)
  const exclude = Object.entries(search.exclude ?? {}).filter(([, values]) => values.length > 0)
  if (filters.length + exclude.length > MAX_FILTER_KEYS) throw invalid(`At most ${MAX_FILTER_KEYS} fields can be filtered at once.`)
  for (const [key, values] of filters) conditions.push(valueIn(key, values, params, indexed.has(key)))
  // "Is not": the match is never null (a missing field does not match), so its negation keeps events without the field.
  for (const [key, values] of exclude) conditions.push(`not ${valueIn(key, values, params)}`)
  return conditions
}

/**
 * The keyset a sort pages by. Time (the default, newest first) pages on `(created_at, id)`, which the tenant
 * index serves. Any other field pages on `(missing, number, text, created_at, id)`: numbers by value, other
 * values by their text in the database's collation, missing and empty values last in either direction, ties
 * by time and id. Every column is never null and sorts in one direction, so one row comparison finds the
 * next page, whatever arrives meanwhile.
 */
export function sortPlan(sort: AuditSort | undefined, params: Params): SortPlan {
  // Typed, but read from a client: checked again.
  const direction: string = sort?.direction ?? 'desc'
  if (direction !== 'asc' && direction !== 'desc') throw invalid('"sort" must end in ":asc" or ":desc".')
  const key = sort?.key ?? 'createdAt'
  if (key === 'createdAt') return { columns: [TIME_COLUMN, ID_COLUMN], direction }
  if (key === 'id') return { columns: [ID_COLUMN], direction }
  const value = `(data #> ${params.add(pathOf(key, 'The sort key'))}::text[])`
  const missing = `coalesce(${value}, 'null'::jsonb) in ('null'::jsonb, '""'::jsonb)`
  const missingLast = direction === 'asc' ? `(${missing})::int` : `(not (${missing}))::int`
  const number = `coalesce(case when jsonb_typeof(${value}) = 'number' then (${value} #>> '{}')::numeric end, 0)`
  const text = `coalesce(case jsonb_typeof(${value}) when 'string' then ${value} #>> '{}' when 'number' then '' else ${value}::text end, '')`
  return {
    direction,
    columns: [
      { select: `${missingLast}::text`, expression: missingLast, fromCursor: (p) => `${p}::int`, form: INT },
      { select: `${number}::text`, expression: number, fromCursor: (p) => `${p}::numeric`, form: NUMERIC },
      { select: text, expression: text, fromCursor: (p) => `${p}::text`, form: ANY },
      TIME_COLUMN,
      ID_COLUMN,
    ],
  }
}

/** `order by` of a sort. */
export const orderBy = (plan: SortPlan): string => plan.columns.map((column) => `${column.expression} ${plan.direction}`).join(', ')

/** The condition "after this position" of a keyset, its values already checked against their forms. */
export function afterKey(plan: SortPlan, key: readonly string[], params: Params): string {
  const left = plan.columns.map((column) => column.expression).join(', ')
  const right = plan.columns.map((column, index) => column.fromCursor(params.add(key[index]))).join(', ')
  return `(${left}) ${plan.direction === 'asc' ? '>' : '<'} (${right})`
}

/** Whether a cursor's key fits a sort's columns. */
export const keyFits = (plan: SortPlan, key: readonly unknown[]): key is string[] =>
  key.length === plan.columns.length && key.every((value, index) => typeof value === 'string' && (plan.columns[index]?.form.test(value) ?? false))
