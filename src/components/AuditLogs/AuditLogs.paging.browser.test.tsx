import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import type { AuditLogsAdapter } from '../../adapter/types'
import { downloadCsv } from '../../../test/support/downloads'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

/**
 * A backend that pages without end: `next(cursor)` is the cursor it hands out with the page at `cursor` (the
 * first page's is `undefined`); `size(cursor)` how many events that page holds.
 */
function endlessBackend(
  next: (cursor: string | undefined) => string,
  size: (cursor: string | undefined) => number,
): { adapter: AuditLogsAdapter; calls: () => number } {
  let calls = 0
  return {
    calls: () => calls,
    adapter: {
      listEvents: async ({ cursor }) => {
        calls += 1
        // As over a network: the answer comes a moment later.
        await new Promise((resolve) => setTimeout(resolve, 30))
        // Fresh events every page, an hour apart, so only the paging is wrong.
        const events = makeEvents(size(cursor), Date.UTC(2026, 0, 1) - calls * 3_600_000).map((event) => ({
          ...event,
          id: `p${String(calls)}-${event.id}`,
        }))
        return { events, nextCursor: next(cursor) }
      },
    },
  }
}

/** Scrolls the table's box to its end again and again, as a person reaching the end of the list would. */
async function keepScrollingToTheEnd(milliseconds: number): Promise<void> {
  const box = document.querySelector('.ral-table-scroll') as HTMLElement
  for (let waited = 0; waited < milliseconds; waited += 100) {
    box.scrollTop = box.scrollHeight
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('a backend whose paging cannot be trusted', () => {
  it('cycling between two cursors: loading stops, says why, and sends no more requests', async () => {
    // First page → "b" → "a" → "b" again.
    const backend = endlessBackend(
      (cursor) => (cursor === 'b' ? 'a' : 'b'),
      () => 20,
    )
    render(<AuditLogs adapter={backend.adapter} pageSize={20} timeZone="UTC" locale="en-US" />)
    // The first rows (the next pages may follow at once: twenty rows do not fill the box).
    await waitFor(() => expect(document.querySelector('tr[data-event-id]')).not.toBeNull())
    await keepScrollingToTheEnd(2_000)
    await screen.findByText(/sent a page position it had sent before, so loading stopped here to spare it/)
    const settled = backend.calls()
    // The first page, then "b" and "a"; "b" again is not followed. Each page is asked for once.
    expect(settled).toBe(3)
    await keepScrollingToTheEnd(2_000)
    expect(backend.calls()).toBe(settled)
    // The count no longer promises more.
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '61')
  })

  it('empty pages without end: loading stops after three and says why', async () => {
    // page-2, page-3, … each empty, each with a cursor to the next.
    const backend = endlessBackend(
      (cursor) => `page-${String(Number(cursor?.slice('page-'.length) ?? 1) + 1)}`,
      (cursor) => (cursor === undefined ? 20 : 0),
    )
    render(<AuditLogs adapter={backend.adapter} pageSize={20} timeZone="UTC" locale="en-US" />)
    // The first rows (the next pages may follow at once: twenty rows do not fill the box).
    await waitFor(() => expect(document.querySelector('tr[data-event-id]')).not.toBeNull())
    await keepScrollingToTheEnd(2_000)
    await screen.findByText(/kept sending empty pages, so loading stopped here/)
    expect(backend.calls()).toBe(4)
    await keepScrollingToTheEnd(2_000)
    expect(backend.calls()).toBe(4)
  })

  it('an export on a cycling cursor or on endless empty pages ends with that reason, as the table says it', async () => {
    const cycling = endlessBackend(
      (cursor) => (cursor === 'b' ? 'a' : 'b'),
      () => 5,
    )
    const { unmount } = render(<AuditLogs adapter={cycling.adapter} pageSize={500} timeZone="UTC" locale="en-US" />)
    await waitFor(() => expect(document.querySelector('tr[data-event-id]')).not.toBeNull())
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    await screen.findByText(/sent a page position it had sent before, so reading stopped/)
    expect(screen.queryByText(/cannot be read/)).toBeNull()
    unmount()

    const empty = endlessBackend(
      (cursor) => `page-${String(Number(cursor?.slice('page-'.length) ?? 1) + 1)}`,
      (cursor) => (cursor === undefined ? 5 : 0),
    )
    render(<AuditLogs adapter={empty.adapter} pageSize={500} timeZone="UTC" locale="en-US" />)
    await waitFor(() => expect(document.querySelector('tr[data-event-id]')).not.toBeNull())
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    await screen.findByText(/kept sending empty pages, so reading stopped/)
    expect(screen.queryByText(/cannot be read/)).toBeNull()
  })
})

describe('a backend whose total is lower than what it keeps sending', () => {
  it('the export reads every page it offers and downloads them all', async () => {
    let calls = 0
    // 50 pages of 10 distinct events, each claiming a total of 10.
    const adapter: AuditLogsAdapter = {
      listEvents: async ({ cursor }) => {
        calls += 1
        const index = cursor === undefined ? 0 : Number(cursor)
        const events = makeEvents(10, Date.UTC(2026, 0, 1) - index * 3_600_000).map((event) => ({ ...event, id: `p${String(index)}-${event.id}` }))
        return { events, total: 10, nextCursor: index < 49 ? String(index + 1) : null }
      },
    }
    render(<AuditLogs adapter={adapter} pageSize={10} timeZone="UTC" locale="en-US" />)
    await waitFor(() => expect(document.querySelector('tr[data-event-id]')).not.toBeNull())
    const { rows } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    expect(rows.slice(1)).toHaveLength(500)
    await screen.findByText(/^Downloaded 500 events to /)
    expect(calls).toBeGreaterThanOrEqual(50)
  })
})
