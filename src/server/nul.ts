/** Whether a JSON value holds a NUL character in any text or property name (PostgreSQL text and jsonb cannot). */
export function holdsNul(value: unknown): boolean {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const item = pending.pop()
    if (typeof item === 'string') {
      if (item.includes('\0')) return true
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, inner] of Object.entries(item)) {
        if (key.includes('\0')) return true
        pending.push(inner)
      }
    }
  }
  return false
}
