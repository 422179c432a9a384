/**
 * Every string and number inside an event, lower-cased, one per line: what free text is matched against, by
 * the memory adapter and the server alike (a search term holds no whitespace, so it never spans two values).
 * Walked with a stack, not by recursion, so an event nested 10,000 levels deep costs no call stack; an object
 * met twice (a cycle, in memory) is read once. Values under a name `skipName` accepts (secrets) are left out,
 * so a search cannot find what nobody may see.
 */
export function searchTextOf(event: unknown, skipName: (name: string) => boolean = () => false): string {
  const parts: string[] = []
  const seen = new Set<object>()
  const pending: unknown[] = [event]
  while (pending.length > 0) {
    const value = pending.pop()
    if (typeof value === 'string') parts.push(value)
    else if (typeof value === 'number') parts.push(String(value))
    else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value)
      // Pushed in reverse, so values are read in their order.
      const entries: Array<[string, unknown]> = Object.entries(value)
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        const entry = entries[index]
        if (entry && !skipName(entry[0])) pending.push(entry[1])
      }
    }
  }
  return parts.join('\n').toLowerCase()
}
