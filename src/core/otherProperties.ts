import type { AuditField } from './types'

const MAX_DEPTH = 6

/**
 * The dot paths of an event's values that no field covers, so the detail view can list them and nothing
 * is ever invisible. Objects are walked; arrays and primitives are leaves. A field covers its own path and
 * everything below it.
 */
export function uncoveredPaths(event: object, fields: readonly Pick<AuditField<never>, 'key'>[]): string[] {
  const keys = fields.map((field) => field.key)
  const covered = (path: string): boolean => keys.some((key) => path === key || path.startsWith(`${key}.`))
  const partlyCovered = (path: string): boolean => keys.some((key) => key.startsWith(`${path}.`))
  const paths: string[] = []
  const walk = (value: unknown, path: string, depth: number): void => {
    if (covered(path)) return
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
    if (isObject && depth < MAX_DEPTH && partlyCovered(path)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`, depth + 1)
    } else {
      paths.push(path)
    }
  }
  for (const [key, value] of Object.entries(event)) walk(value, key, 1)
  return paths
}
