import { defaultFields } from '../core/fields'
import { parsePath } from '../core/path'
import { hiddenKindAt, type SensitiveKind, type SensitivePolicy, sensitivePolicy } from '../core/sensitive'
import type { AuditSearch } from '../core/types'
import { invalid } from './errors'
import type { RouteContext } from './routes/context'

const kindOf = (value: unknown): SensitiveKind | undefined =>
  value === true || value === 'personal' ? 'personal' : value === 'secret' ? 'secret' : undefined

/**
 * What is hidden in a tenant's events: the host's fields marked `sensitive` in code, the fields its stored data
 * structure marks (which can add, never remove), and the store's secret-looking names.
 */
export async function policyFor({ tenantId, options }: RouteContext): Promise<SensitivePolicy> {
  const stored = (await options.store.loadFieldConfig(tenantId)) ?? []
  const fields = [...(options.fields ?? defaultFields), ...stored].flatMap((field: unknown) => {
    const { key, sensitive } = (typeof field === 'object' && field !== null ? field : {}) as { key?: unknown; sensitive?: unknown }
    const kind = kindOf(sensitive)
    return typeof key === 'string' && kind ? [{ key, sensitive: kind }] : []
  })
  return sensitivePolicy(fields, options.store.sensitiveNames)
}

/** The paths whose values a text search must not look into. */
export const hiddenPaths = (policy: SensitivePolicy): string[][] => policy.paths.map(({ path }) => [...path])

/** Whether a field key reaches a hidden value. */
export const isHiddenKey = (key: string, policy: SensitivePolicy): boolean => {
  const path = parsePath(key)
  return path !== null && hiddenKindAt(path, policy) !== null
}

/**
 * Refuses a search that would tell hidden values apart: a filter, an exclusion or a sort by a hidden field
 * answers which events hold which value as surely as showing it.
 */
export function refuseHiddenKeys(search: AuditSearch, policy: SensitivePolicy): void {
  const keys = [...Object.keys(search.filters ?? {}), ...Object.keys(search.exclude ?? {}), ...(search.sort ? [search.sort.key] : [])]
  const hidden = keys.find((key) => isHiddenKey(key, policy))
  if (hidden !== undefined) throw invalid(`"${hidden.slice(0, 80)}" is hidden: filtering or sorting by it would reveal its values.`)
}
