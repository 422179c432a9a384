import type { FieldValues } from '../core/types'
import { describe, isPlainObject } from './describeValue'
import { AuditLogsError } from './errors'

// Apart from `validate.ts` (up front): only the filter form and the fetch adapter read field values.

const malformed = (problem: string, source: string): AuditLogsError =>
  new AuditLogsError('malformed-response', `The field-values response is malformed: ${problem}. ${source} is probably wrong.`)

/** The longest value a field-values answer may hold: longer is no value a person picks from a list. */
export const MAX_FIELD_VALUE_LENGTH = 2000

/**
 * Checks an answer of `listFieldValues`: an object with a `values` array of at most `limit` entries, each a
 * `{ value, count }` with text of at most 2,000 characters and a whole, non-negative count. Anything else is
 * one clear error (the filter form then suggests values from the loaded events).
 */
export function validateFieldValues(value: unknown, limit: number, source = 'The adapter'): FieldValues {
  if (!isPlainObject(value)) throw malformed(`expected an object with a "values" array, got ${describe(value)}`, source)
  const { values, complete } = value
  if (!Array.isArray(values)) throw malformed(`"values" is ${describe(values)}, expected an array`, source)
  if (values.length > limit) throw malformed(`"values" holds ${String(values.length)} entries, more than the ${String(limit)} asked for`, source)
  if (complete !== undefined && typeof complete !== 'boolean') throw malformed(`"complete" is ${describe(complete)}, expected true or false`, source)
  const checked = Array.from(values as unknown[], (entry, index) => {
    const at = `values[${String(index)}]`
    if (!isPlainObject(entry)) throw malformed(`${at} is ${describe(entry)}, expected { "value": string, "count": number }`, source)
    const { value: text, count } = entry
    if (typeof text !== 'string' || text.length > MAX_FIELD_VALUE_LENGTH) {
      throw malformed(`${at}.value is ${describe(text)}, expected text of at most ${String(MAX_FIELD_VALUE_LENGTH)} characters`, source)
    }
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      throw malformed(`${at}.count is ${describe(count)}, expected a whole number of at least 0`, source)
    }
    return { value: text, count }
  })
  return complete === undefined ? { values: checked } : { values: checked, complete }
}
