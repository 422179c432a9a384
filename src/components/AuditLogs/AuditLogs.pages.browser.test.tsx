import { render, screen } from '@testing-library/react'
import type { CSSProperties } from 'react'
import { describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditEvent } from '../../core/types'
import { AuditLogs } from './AuditLogs'

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

/** Events whose `id` counts its reads: checking, de-duplicating and drawing a row all read it. */
function countedEvents(count: number): { events: AuditEvent[]; reads: number[] } {
  const reads = Array.from({ length: count }, () => 0)
  const start = Date.parse('2026-11-30T00:00:00.000Z')
  const events = reads.map((_, n) => {
    const event = { createdAt: new Date(start - n * 1000).toISOString(), action: `action ${String(n)}` } as unknown as AuditEvent
    Object.defineProperty(event, 'id', {
      enumerable: true,
      get: () => {
        reads[n] = (reads[n] ?? 0) + 1
        return `evt_${String(n)}`
      },
    })
    return event
  })
  return { events, reads }
}

describe('pages as they arrive', () => {
  it('never checks or de-duplicates a page again when the pages after it arrive', { timeout: 60_000 }, async () => {
    const { events, reads } = countedEvents(2_000)
    render(
      <div style={{ '--ral-table-height': '400px' } as CSSProperties}>
        <AuditLogs adapter={createMemoryAdapter(events)} defaultFields={[{ key: 'action', label: 'Action' }]} pageSize={100} timeZone="UTC" />
      </div>,
    )
    await screen.findByText('2,000 events')
    const scroller = document.querySelector<HTMLElement>('.ral-table-scroll')
    if (!scroller) throw new Error('no scroll box')
    const loadedRows = (): number => scroller.scrollHeight / 40
    // Two pages in; then the first page's reads are counted while ten more pages arrive.
    while (loadedRows() < 200) {
      scroller.scrollTop = scroller.scrollHeight
      await nextFrame()
    }
    scroller.scrollTop = scroller.scrollHeight
    await expect.poll(() => scroller.querySelector('tr[data-event-id="evt_0"]')).toBeNull()
    const firstPage = (): number => reads.slice(0, 100).reduce((sum, count) => sum + count, 0)
    const before = firstPage()
    while (loadedRows() < 1_200) {
      scroller.scrollTop = scroller.scrollHeight
      await nextFrame()
    }
    // The first page's events were not read again: no page is checked, de-duplicated or listed again.
    expect(before).toBeGreaterThan(0)
    expect(firstPage()).toBe(before)
  })
})
