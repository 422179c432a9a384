import { recordFieldConfigChange } from '../accessEvents'
import { invalid } from '../errors'
import { holdsNul } from '../nul'
import { json, message, noContent, readJson } from '../http'
import type { RouteContext } from './context'

const MAX_FIELDS = 500

/** `GET /field-config`: the tenant's stored data structure; 404 while none is stored (the code's fields stand). */
export async function loadFieldConfig({ tenantId, options }: RouteContext): Promise<Response> {
  const fields = await options.store.loadFieldConfig(tenantId)
  return fields ? json(fields) : message(404, 'No data structure stored yet.')
}

/** `PUT /field-config`: stores the tenant's data structure, a JSON array of fields (`{ key, label, … }`), and records the change in its log. */
export async function saveFieldConfig(context: RouteContext): Promise<Response> {
  const { request, tenantId, options } = context
  const body = await readJson(request, options.maxBodyBytes)
  const isField = (field: unknown): boolean =>
    typeof field === 'object' && field !== null && !Array.isArray(field) && typeof (field as { key?: unknown }).key === 'string'
  if (!Array.isArray(body) || body.length > MAX_FIELDS || !body.every(isField)) {
    throw invalid(`Expected a JSON array of at most ${MAX_FIELDS} fields, each with a "key".`)
  }
  if (holdsNul(body)) throw invalid('The data structure holds a NUL character, which cannot be stored.')
  const before = await options.store.loadFieldConfig(tenantId)
  await options.store.saveFieldConfig(tenantId, body)
  await recordFieldConfigChange(context, before, body)
  return noContent()
}
