import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import type { CSSProperties } from 'react'
import { describe, expect, it } from 'vitest'

import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { searchParamsToQuery } from '../../adapter/restContract'
import { pagesHeld } from '../../hooks/useAuditEvents'
import { AuditLogs } from './AuditLogs'

const TOTAL = 1_000_000
const PAGE = 1000
const START = Date.parse('2026-11-30T00:00:00.000Z')

/**
 * A backend with a million events, newest first, made as they are asked for (the test's memory is the
 * viewer's, not the log's): the REST contract's list endpoint with offset cursors, behind the fetch adapter.
 */
function millionEventFetch(requests: string[]): typeof fetch {
  return async (input) => {
    const url = new URL(input instanceof Request ? input.url : input, location.href)
    requests.push(url.searchParams.get('cursor') ?? 'first')
    const query = searchParamsToQuery(url.searchParams)
    // The range's end (exclusive) is found directly: the first event before it, by arithmetic, as an index would.
    const firstBefore = query.to === undefined ? 0 : Math.max(0, Math.floor((START - Date.parse(query.to)) / 1000) + 1)
    const offset = Math.max(firstBefore, Number(query.cursor ?? 0))
    const end = Math.min(TOTAL, offset + query.limit)
    const events = Array.from({ length: end - offset }, (_, at) => {
      const n = offset + at
      return { id: `evt_${String(n)}`, createdAt: new Date(START - n * 1000).toISOString(), action: `action ${String(n)}` }
    })
    return Response.json({ events, nextCursor: end < TOTAL ? String(end) : null, total: TOTAL - firstBefore })
  }
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

describe('a million events through the fetch adapter', () => {
  it('scrolls 200,000 deep holding a window of pages, and back to the newest by the cursor it kept', { timeout: 240_000 }, async () => {
    const requests: string[] = []
    const client = new QueryClient()
    const adapter = createFetchAdapter({ baseUrl: '/api/audit-logs', fetch: millionEventFetch(requests) })
    render(
      <QueryClientProvider client={client}>
        <div style={{ '--ral-table-height': '800px' } as CSSProperties}>
          <AuditLogs adapter={adapter} defaultFields={[{ key: 'action', label: 'Action' }]} pageSize={PAGE} timeZone="UTC" />
        </div>
      </QueryClientProvider>,
    )
    await screen.findByText('1,000,000 events')
    const scroller = document.querySelector<HTMLElement>('.ral-table-scroll')
    if (!scroller) throw new Error('no scroll box')
    const eventsQuery = () => client.getQueryCache().findAll({ predicate: (query) => query.queryKey.includes('events') })
    const heldPages = (): number =>
      eventsQuery().reduce((sum, query) => sum + ((query.state.data as { pages?: unknown[] } | undefined)?.pages?.length ?? 0), 0)

    let mostHeld = 0
    let mostRows = 0
    // To the bottom of what is loaded, again and again: each time the next page loads, 200 pages in all.
    for (let guard = 0; guard < 20_000 && scroller.scrollTop < 200_000 * 40; guard += 1) {
      scroller.scrollTop = scroller.scrollHeight
      await nextFrame()
      mostHeld = Math.max(mostHeld, heldPages())
      mostRows = Math.max(mostRows, scroller.querySelectorAll('tbody tr').length)
    }
    // Deep in the log, the rows on screen are the right events: row i is event i.
    await expect.poll(() => scroller.querySelectorAll('tr[data-event-id]').length, { timeout: 10_000 }).toBeGreaterThan(0)
    for (const row of scroller.querySelectorAll<HTMLElement>('tr[data-event-id]')) {
      expect(row.dataset.eventId).toBe(`evt_${String(Number(row.getAttribute('aria-rowindex')) - 2)}`)
    }
    expect(Number(scroller.querySelector('tr[data-event-id]')?.getAttribute('aria-rowindex'))).toBeGreaterThan(199_000)
    // At most this many pages were held at once, however deep, and the DOM stayed a window of rows.
    expect(mostHeld).toBeLessThanOrEqual(pagesHeld(PAGE))
    expect(mostRows).toBeLessThan(100)

    // Back to the newest: its page is fetched again by its cursor (the first page's), not the 200 between.
    const before = requests.length
    scroller.scrollTop = 0
    await expect.poll(() => scroller.querySelector('tr[data-event-id]')?.getAttribute('data-event-id'), { timeout: 10_000 }).toBe('evt_0')
    expect(requests.slice(before)).toContain('first')
    expect(requests.length - before).toBeLessThanOrEqual(3)
    expect(heldPages()).toBeLessThanOrEqual(pagesHeld(PAGE))
  })
  it('lands a link to a time 200,000 events deep on the newest event before it, in one request', async () => {
    // Half a second after event 200,000: the range's end is exclusive, and event 200,000 is the first before it.
    const to = new Date(START - 200_000 * 1000 + 500).toISOString()
    window.history.replaceState(null, '', `/portal/audit?to=${to}`)
    const requests: string[] = []
    const sent: (string | null)[] = []
    const fetchMillion = millionEventFetch(requests)
    const adapter = createFetchAdapter({
      baseUrl: '/api/audit-logs',
      fetch: (input, init) => {
        sent.push(new URL(input instanceof Request ? input.url : input, location.href).searchParams.get('to'))
        return fetchMillion(input, init)
      },
    })
    try {
      render(
        <div style={{ '--ral-table-height': '800px' } as CSSProperties}>
          <AuditLogs adapter={adapter} defaultFields={[{ key: 'action', label: 'Action' }]} pageSize={PAGE} timeZone="UTC" urlState />
        </div>,
      )
      await screen.findByText('800,000 events')
      const first = document.querySelector<HTMLElement>('.ral-table-scroll tr[data-event-id]')
      expect(first?.dataset.eventId).toBe('evt_200000')
      expect(first?.getAttribute('aria-rowindex')).toBe('2')
      // One page asked for, with the link's end: none of the 200 pages of newer events.
      expect(requests).toEqual(['first'])
      expect(sent).toEqual([to])
    } finally {
      window.history.replaceState(null, '', '/')
    }
  })
})
