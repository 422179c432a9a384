import { badRequest } from '../errors'
import { json, message, noContent, readJson } from '../http'
import type { RouteContext } from './context'

const MAX_FIELDS = 500

/** `GET /field-config`: the tenant's stored data structure; 404 while none is stored (the code's fields stand). */
export async function loadFieldConfig({ tenantId, options }: RouteContext): Promise<Response> {
  const fields = await options.store.loadFieldConfig(tenantId)
  return fields ? json(fields) : message(404, 'No data structure stored yet.')
}

/** `PUT /field-config`: stores the tenant's data structure, a JSON array of fields (`{ key, label, … }`). */
export async function saveFieldConfig({ request, tenantId, options }: RouteContext): Promise<Response> {
  const body = await readJson(request, options.maxBodyBytes)
  const isField = (field: unknown): boolean =>
    typeof field === 'object' && field !== null && !Array.isArray(field) && typeof (field as { key?: unknown }).key === 'string'
  if (!Array.isArray(body) || body.length > MAX_FIELDS || !body.every(isField)) {
    throw badRequest(`Expected a JSON array of at most ${MAX_FIELDS} fields, each with a "key".`)
  }
  await options.store.saveFieldConfig(tenantId, body)
  return noContent()
}
