/**
 * The start of a value's compact JSON, at most about `maxLength` characters, built without serialising the
 * rest: a cell shows 160 characters of a 20 MB payload, so it must not stringify 20 MB on every render.
 * Values JSON cannot hold read as `JSON.stringify` writes them (undefined and functions are left out of
 * objects and `null` in arrays, BigInt as its digits, a cycle as `"[Circular]"`). The end is cut, not closed.
 */
export function jsonPreview(value: unknown, maxLength: number): string {
  const parts: string[] = []
  let length = 0
  const ancestors = new Set<object>()
  const push = (text: string): boolean => {
    parts.push(text.length > maxLength - length ? text.slice(0, Math.max(0, maxLength - length)) : text)
    length += text.length
    return length < maxLength
  }
  // `false` once the preview is full: every caller stops at once.
  const write = (inner: unknown): boolean => {
    if (typeof inner === 'string') return push(JSON.stringify(inner.length > maxLength ? inner.slice(0, maxLength) : inner))
    if (typeof inner === 'number') return push(Number.isFinite(inner) ? String(inner) : 'null')
    if (typeof inner === 'boolean') return push(String(inner))
    if (typeof inner === 'bigint') return push(`"${inner.toString()}"`)
    if (typeof inner !== 'object' || inner === null) return push('null')
    if (ancestors.has(inner)) return push('"[Circular]"')
    const json = (inner as { toJSON?: unknown }).toJSON
    if (typeof json === 'function') return write((json as () => unknown).call(inner))
    ancestors.add(inner)
    const isArray = Array.isArray(inner)
    let open = push(isArray ? '[' : '{')
    let first = true
    if (isArray) {
      for (let index = 0; open && index < inner.length; index += 1) {
        open = (first || push(',')) && write(skippable(inner[index]) ? null : inner[index])
        first = false
      }
    } else {
      for (const key in inner) {
        if (!open) break
        if (!Object.hasOwn(inner, key)) continue
        const property = (inner as Record<string, unknown>)[key]
        if (skippable(property)) continue
        open = (first || push(',')) && push(`${JSON.stringify(key)}:`) && write(property)
        first = false
      }
    }
    ancestors.delete(inner)
    return open && push(isArray ? ']' : '}')
  }
  write(value)
  return parts.join('')
}

const skippable = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol'
