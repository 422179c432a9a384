import type { AuditEvent } from '../../src/core/types'

/**
 * The plain definition of a window's rows, for events that are equal when their ids are: every event in order,
 * except one an earlier page already held (pages that overlap). Copies within one page are records of their own.
 */
export function rowsOfOverlappingPages(pages: readonly AuditEvent[][]): AuditEvent[] {
  const earlier = new Set<string>()
  return pages.flatMap((page) => {
    const rows = page.filter((event) => !earlier.has(event.id))
    for (const event of page) earlier.add(event.id)
    return rows
  })
}
