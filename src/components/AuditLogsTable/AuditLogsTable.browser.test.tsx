import { render, screen, within } from '@testing-library/react'
import type { CSSProperties } from 'react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditPage, AuditQuery } from '../../core/types'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

describe('AuditLogsTable with 100,000 events in Chromium', () => {
  it('scrolls to the end with a bounded DOM, every event reachable exactly once', { timeout: 300_000 }, async () => {
    const total = 100_000
    const events = makeEvents(total)
    render(
      <div style={{ '--ral-table-height': '3000px' } as CSSProperties}>
        {/* One narrow column: the test is about rows, and fewer cells keep its ~1,350 re-renders quick. */}
        <AuditLogs adapter={createMemoryAdapter(events)} defaultFields={[{ key: 'action', label: 'Action' }]} pageSize={1000} timeZone="UTC" />
      </div>,
    )
    await screen.findByText('100,000 events')
    const scroller = document.querySelector<HTMLElement>('.ral-table-scroll')
    if (!scroller) throw new Error('no scroll box')

    const seen = new Map<number, string>()
    let maxRows = 0
    const collect = (): void => {
      const rows = scroller.querySelectorAll<HTMLElement>('tbody tr[data-event-id]')
      maxRows = Math.max(maxRows, rows.length)
      for (const row of rows) {
        const index = Number(row.getAttribute('aria-rowindex')) - 2
        const id = row.dataset.eventId ?? ''
        const before = seen.get(index)
        if (before !== undefined && before !== id) throw new Error(`row ${index} showed ${before}, then ${id}`)
        seen.set(index, id)
      }
    }

    // Let the virtualiser measure the box (a ResizeObserver callback) before stepping through it.
    await nextFrame()
    await nextFrame()
    collect()
    for (let guard = 0; seen.size < total && guard < 20_000; guard += 1) {
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1
      if (atEnd) {
        // The next page is on its way: wait for the scroll box to grow.
        await nextFrame()
      } else {
        // One screen down, a row of overlap. The window is drawn in a task after the scroll's (as a person's
        // scroll is): wait until the row now at the bottom of the box is in the DOM.
        scroller.scrollTop += scroller.clientHeight - 40
        const bottom = Math.floor((scroller.scrollTop + scroller.clientHeight) / 40) - 1
        for (let frames = 0; !scroller.querySelector(`tr[aria-rowindex="${String(bottom + 2)}"]`) && frames < 600; frames += 1) await nextFrame()
      }
      collect()
    }

    expect(seen.size).toBe(total)
    expect(new Set(seen.values()).size).toBe(total)
    // Newest first: row i holds the event with the (total - 1 - i)-th id.
    for (const [index, id] of seen) expect(id).toBe(events[total - 1 - index]?.id)
    expect(maxRows).toBeLessThan(100)
  })
})

describe('AuditLogsTable under concurrency', () => {
  it('shows only the newest search when an older answer arrives last, and aborts the older request', async () => {
    const memory = createMemoryAdapter(makeEvents(30))
    const calls: Array<{ query: AuditQuery; signal: AbortSignal; resolve: (page: AuditPage) => void }> = []
    const adapter: AuditLogsAdapter = {
      listEvents: (query, options) =>
        new Promise((resolve) => {
          calls.push({ query, signal: options.signal, resolve })
        }),
    }
    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />)
    await expect.poll(() => calls.length).toBe(1)
    // A newer search (sort by action) while the first is pending.
    await userEvent.click(within(screen.getByRole('columnheader', { name: /Action/ })).getByRole('button'))
    await expect.poll(() => calls.length).toBe(2)
    const [older, newer] = calls as [(typeof calls)[number], (typeof calls)[number]]
    newer.resolve(await memory.listEvents({ ...newer.query }, { signal: new AbortController().signal }))
    await screen.findByText('30 events')
    // The older answer arrives last, with different data: it must not show.
    older.resolve({ events: [{ id: 'stale', createdAt: 0, action: 'stale answer' }], total: 1 })
    await nextFrame()
    await nextFrame()
    expect(older.signal.aborted).toBe(true)
    expect(screen.queryByText('stale answer')).toBeNull()
    expect(screen.getByText('30 events')).toBeInTheDocument()
  })
})

describe('AuditLogsTable while the first page loads', () => {
  const skeletonInserted = (): { seen: () => boolean; stop: () => void } => {
    let inserted = false
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof Element && (node.matches('tr.ral-skeleton') || node.querySelector('tr.ral-skeleton'))) inserted = true
        }
      }
    })
    observer.observe(document.body, { childList: true, subtree: true })
    return { seen: () => inserted, stop: () => observer.disconnect() }
  }

  it('draws no placeholder rows for a log that answers at once: its rows are the first ones drawn', async () => {
    const watch = skeletonInserted()
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(200))} timeZone="UTC" locale="en-US" />)
    await screen.findByText('200 events')
    watch.stop()
    expect(watch.seen()).toBe(false)
    expect(document.querySelectorAll('tr[data-event-id]').length).toBeGreaterThan(5)
  })

  it('shows placeholder rows, in the room they hold from the start, once the first page is slow to come', async () => {
    const adapter: AuditLogsAdapter = { listEvents: () => new Promise<AuditPage>(() => undefined) }
    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />)
    expect(screen.getByText('Loading events…')).toBeInTheDocument()
    const body = document.querySelector('.ral-table tbody') as HTMLElement
    const before = body.getBoundingClientRect().height
    await expect.poll(() => document.querySelectorAll('tr.ral-skeleton').length, { timeout: 3000 }).toBe(8)
    // The placeholders take the room the empty body held: nothing below them moves when they come.
    expect(body.getBoundingClientRect().height).toBeCloseTo(before, 0)
    expect(before).toBeGreaterThan(7 * 40)
  })
})
