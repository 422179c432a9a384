import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import type { AuditLogsAdapter } from '../../adapter/types'
import { makeEvents } from '../../test-utils/events'
import { AuditLogs } from './AuditLogs'

/** A backend that pages without end: `next(call)` is the cursor it hands out with its `call`-th page. */
function endlessBackend(next: (call: number) => string, size: (call: number) => number): { adapter: AuditLogsAdapter; calls: () => number } {
  let calls = 0
  return {
    calls: () => calls,
    adapter: {
      listEvents: async () => {
        calls += 1
        // As over a network: the answer comes a moment later.
        await new Promise((resolve) => setTimeout(resolve, 30))
        // Fresh events every page, an hour apart, so only the paging is wrong.
        const events = makeEvents(size(calls), Date.UTC(2026, 0, 1) - calls * 3_600_000).map((event) => ({
          ...event,
          id: `p${String(calls)}-${event.id}`,
        }))
        return { events, nextCursor: next(calls) }
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
    const backend = endlessBackend(
      (call) => (call % 2 === 0 ? 'a' : 'b'),
      () => 20,
    )
    render(<AuditLogs adapter={backend.adapter} pageSize={20} timeZone="UTC" locale="en-US" />)
    await screen.findByText('20+ events')
    await keepScrollingToTheEnd(2_000)
    await screen.findByText(/sent a page position it had sent before, so loading stopped here to spare it/)
    const settled = backend.calls()
    // The first page, then "b" and "a"; "b" again is not followed.
    expect(settled).toBe(3)
    await keepScrollingToTheEnd(2_000)
    expect(backend.calls()).toBe(settled)
    // The count no longer promises more.
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '61')
  })

  it('empty pages without end: loading stops after three and says why', async () => {
    const backend = endlessBackend(
      (call) => `page-${String(call)}`,
      (call) => (call === 1 ? 20 : 0),
    )
    render(<AuditLogs adapter={backend.adapter} pageSize={20} timeZone="UTC" locale="en-US" />)
    await screen.findByText('20+ events')
    await keepScrollingToTheEnd(2_000)
    await screen.findByText(/kept sending empty pages, so loading stopped here/)
    expect(backend.calls()).toBe(4)
    await keepScrollingToTheEnd(2_000)
    expect(backend.calls()).toBe(4)
  })
})
