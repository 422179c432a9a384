import { defaultFields } from '../../core/fields'
import { isValidPath } from '../../core/path'
import type { AuditField, AuditFieldType, AuditSearch } from '../../core/types'
import { invalid } from '../errors'
import { holdsNul } from '../nul'
import { MAX_TEXT } from '../query'
import { isRecord } from '../../core/isRecord'

const MAX_COLUMNS = 200

/** What the viewer sends for a server-side export (the fetch adapter's `ServerExportRequest`), checked. */
export interface ExportRequest {
  search: AuditSearch
  columns: Array<{ key: string; label: string }>
  timeZone: string
  fileName: string
}

/** Reads a search (range, text, filters, exclusions, sort) from JSON; the conditions check each value again. */
export function checkSearch(value: unknown): AuditSearch {
  if (value === undefined) return {}
  if (!isRecord(value)) throw invalid('"query" must be an object.')
  const search: AuditSearch = {}
  for (const name of ['from', 'to', 'search'] as const) {
    const text = value[name]
    if (text === undefined || text === null || text === '') continue
    if (typeof text !== 'string') throw invalid(`"query.${name}" must be text.`)
    search[name] = text
  }
  for (const name of ['filters', 'exclude'] as const) {
    const given = value[name]
    if (given === undefined) continue
    if (!isRecord(given)) throw invalid(`"query.${name}" must map field keys to arrays of values.`)
    // A Map first: a key such as "__proto__" must not reach Object.prototype.
    const checked = new Map<string, string[]>()
    for (const [key, values] of Object.entries(given)) {
      if (!Array.isArray(values) || values.some((item) => typeof item !== 'string'))
        throw invalid(`"query.${name}" must map field keys to arrays of text.`)
      checked.set(key, values as string[])
    }
    search[name] = Object.fromEntries(checked)
  }
  if (value.sort !== undefined) {
    const sort = value.sort
    if (!isRecord(sort) || typeof sort.key !== 'string' || (sort.direction !== 'asc' && sort.direction !== 'desc')) {
      throw invalid('"query.sort" must look like { "key": "createdAt", "direction": "desc" }.')
    }
    search.sort = { key: sort.key, direction: sort.direction }
  }
  return search
}

function checkTimeZone(value: unknown): string {
  if (value === undefined || value === null) return 'UTC'
  if (typeof value === 'string' && value.length <= 100) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value })
      return value
    } catch {
      // fall through to the 400
    }
  }
  throw invalid('"timeZone" must be an IANA time zone such as "Europe/Berlin", or "UTC".')
}

/** Checks the body of `POST /export`. */
export function checkExportRequest(body: unknown): ExportRequest {
  if (!isRecord(body)) throw invalid('The export request must be a JSON object with "query" and "columns".')
  // Checked before the 200: a NUL would otherwise fail the first query after the header row was sent.
  if (holdsNul(body)) throw invalid('The export request holds a NUL character, which no stored event can hold.')
  const { columns } = body
  if (!Array.isArray(columns) || columns.length === 0 || columns.length > MAX_COLUMNS) {
    throw invalid(`"columns" must be an array of 1 to ${MAX_COLUMNS} { "key", "label" } objects.`)
  }
  const checked = columns.map((column: unknown, index) => {
    if (!isRecord(column) || typeof column.key !== 'string' || !isValidPath(column.key) || column.key.length > MAX_TEXT) {
      throw invalid(`"columns[${index}].key" must be a field path such as "user.email".`)
    }
    if (typeof column.label !== 'string' || column.label.length > MAX_TEXT) throw invalid(`"columns[${index}].label" must be text.`)
    return { key: column.key, label: column.label }
  })
  const fileName = typeof body.fileName === 'string' && body.fileName !== '' ? body.fileName : 'audit-logs.csv'
  return { search: checkSearch(body.query), columns: checked, timeZone: checkTimeZone(body.timeZone), fileName }
}

/**
 * The export's fields: the requested columns in order, with the type (how times are written) and `csvRaw` of
 * the host's fields (code, trusted) and the type of the tenant's stored data structure. A column no field
 * describes is text.
 */
export function exportFields(
  request: ExportRequest,
  hostFields: readonly AuditField[] = defaultFields,
  stored: readonly unknown[] = [],
): AuditField[] {
  const types = new Map<string, AuditFieldType>()
  for (const field of stored) {
    if (isRecord(field) && typeof field.key === 'string' && typeof field.type === 'string') types.set(field.key, field.type as AuditFieldType)
  }
  const host = new Map(hostFields.map((field) => [field.key, field]))
  return request.columns.map(({ key, label }) => {
    const type = host.get(key)?.type ?? types.get(key) ?? (key === 'createdAt' ? 'datetime' : undefined)
    return { key, label, ...(type ? { type } : {}), ...(host.get(key)?.csvRaw ? { csvRaw: true } : {}) }
  })
}

/** An attachment name a browser saves as it is: letters, digits, dot, dash and underscore. */
export const safeFileName = (name: string): string => {
  const base = name
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120)
  return base.endsWith('.csv') ? base : `${base || 'audit-logs'}.csv`
}
