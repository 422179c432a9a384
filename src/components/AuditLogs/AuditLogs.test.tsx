import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditField } from '../../core/types'
import { hostileStrings } from '../../msw/hostileStrings'
import { makeEvent, makeEvents } from '../../../test/support/events'
import { anyResponse } from '../../../test/support/responses'
import { AuditLogsTable } from '../AuditLogsTable/AuditLogsTable'
import { AuditLogs } from './AuditLogs'

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1)

describe('AuditLogs', () => {
  it('shows the first page of events with the shown fields as column headers', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(120))} pageSize={25} timeZone="UTC" locale="en-US" />)
    expect(await screen.findByText('120 events')).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Audit log' })
    // The 2,000-px box holds 50 rows: pages load until it is full; only the window plus overscan is drawn.
    await waitFor(() => expect(rowsOf(table)).toHaveLength(53))
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent.replace(/[▲▼↕]/g, '')),
    ).toEqual(['Time UTC', 'Severity', 'Action', 'Resource', 'Result', 'User', 'IP address'])
    // Newest first, in the chosen zone and locale: the cell relative to now and short (the header has the zone),
    // the title exact.
    await waitFor(() => expect(rowsOf(table)[0]?.querySelector('.ral-time-relative')).not.toBeNull())
    const time = rowsOf(table)[0]?.querySelector('time')
    expect(time?.querySelector('.ral-time-relative')?.textContent).toMatch(/^Jan 1,( 2026,)? 01:59 AM$/)
    expect(time?.title).toBe('Jan 1, 2026, 01:59:00 AM UTC\n2026-01-01T01:59:00.000Z')
    // The user's name and email share one cell.
    expect(within(rowsOf(table)[0] as HTMLElement).getByText('user0@example.com')).toBeInTheDocument()
  })

  it("reuses the host's QueryClient", async () => {
    const client = new QueryClient()
    render(
      <QueryClientProvider client={client}>
        <AuditLogs adapter={createMemoryAdapter(makeEvents(3))} />
      </QueryClientProvider>,
    )
    await screen.findByText('3 events')
    expect(client.getQueryCache().findAll({ predicate: (query) => query.queryKey[3] === 'events' })).toHaveLength(1)
  })

  it('keeps two adapters apart in one cache', async () => {
    const client = new QueryClient()
    render(
      <QueryClientProvider client={client}>
        <AuditLogs adapter={createMemoryAdapter(makeEvents(3))} />
        <AuditLogs adapter={createMemoryAdapter(makeEvents(7))} />
      </QueryClientProvider>,
    )
    expect(await screen.findByText('3 events')).toBeInTheDocument()
    expect(await screen.findByText('7 events')).toBeInTheDocument()
  })

  it('never shows a bound as a count: a backend that stopped counting (totalAtLeast) reads as "N+ events"', async () => {
    const memory = createMemoryAdapter(makeEvents(30))
    const adapter: AuditLogsAdapter = {
      listEvents: async (query, options) => {
        const { total: _total, ...page } = await memory.listEvents(query, options)
        return { ...page, totalAtLeast: 10_000 }
      },
    }
    render(<AuditLogs adapter={adapter} pageSize={10} locale="en-US" />)
    // The bound as a bound, never as a count; no "Count all" from an adapter that cannot count.
    expect(await screen.findByText('10,000+ events')).toBeInTheDocument()
    expect(screen.queryByText('10,000 events')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Count all' })).toBeNull()

    // A bound is no total: an old reader's rule (no total, more pages) and a malformed bound.
    const { validatePage } = await import('../../adapter/validate')
    expect(validatePage({ events: [], totalAtLeast: 12 })).toEqual({ events: [], nextCursor: null, totalAtLeast: 12 })
    expect(validatePage({ events: [], total: 3, totalAtLeast: 12 })).toEqual({ events: [], nextCursor: null, total: 3 })
    // A bound that is no whole number is no bound: not shown, never an error that hides the events.
    expect(validatePage({ events: [], totalAtLeast: '12' })).toEqual({ events: [], nextCursor: null })
    expect(validatePage({ events: [], totalAtLeast: -1 })).toEqual({ events: [], nextCursor: null })
  })

  it('says "N+ events" when the adapter gives no total', async () => {
    const memory = createMemoryAdapter(makeEvents(30))
    const adapter: AuditLogsAdapter = {
      listEvents: async (query, options) => {
        const { total: _total, ...page } = await memory.listEvents(query, options)
        return page
      },
    }
    render(<AuditLogs adapter={adapter} pageSize={10} />)
    expect(await screen.findByText('10+ events')).toBeInTheDocument()
  })

  it(
    'survives any response a broken backend might send: rows, an alert or the empty state, never a crash (fuzzed)',
    { timeout: 60_000 },
    async () => {
      const errors = vi.spyOn(console, 'error')
      const outcomes = { rows: 0, alert: 0, empty: 0 }
      await fc.assert(
        fc.asyncProperty(anyResponse, async (response) => {
          const adapter = { listEvents: async () => response } as unknown as AuditLogsAdapter
          const { container, unmount } = render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />)
          try {
            await waitFor(() => {
              if (!container.querySelector('[role="alert"], .ral-state--empty, tr[data-event-id]')) throw new Error('still loading')
            })
            if (screen.queryByRole('alert')) outcomes.alert += 1
            else if (container.querySelector('tr[data-event-id]')) outcomes.rows += 1
            else outcomes.empty += 1
            expect(container.textContent).not.toMatch(/\[object Object\]/)
          } finally {
            unmount()
          }
        }),
        { numRuns: 60 },
      )
      expect(errors).not.toHaveBeenCalled()
      expect(outcomes.rows).toBeGreaterThan(5)
      expect(outcomes.alert).toBeGreaterThan(5)
    },
  )

  it('renders hostile strings as text and missing values as empty cells', async () => {
    const events = hostileStrings.map((text, index) => makeEvent(`h${index}`, Date.UTC(2026, 0, 1, 0, index), { action: text, user: { name: text } }))
    const { container } = render(<AuditLogs adapter={createMemoryAdapter(events)} />)
    await screen.findByText(`${hostileStrings.length} events`)
    // The viewer's own icons (`.ral-icon`, an actor's kind) are the only SVG; no event value became an element.
    expect(container.querySelectorAll('script, img, svg:not(.ral-icon)')).toHaveLength(0)
    expect(screen.getAllByText('<script>window.__auditLogsXss = true</script>')).toHaveLength(2)
    expect(container.textContent).not.toMatch(/undefined|\[object Object\]/)
  })

  it('shows custom fields through their accessor and format', async () => {
    type Deploy = { id: string; createdAt: string; service: { name: string }; durationMs: number }
    const fields: AuditField<Deploy>[] = [
      { key: 'service.name', label: 'Service' },
      { key: 'duration', label: 'Duration', value: (event) => event.durationMs, format: (value) => `${Number(value) / 1000} s` },
    ]
    const adapter = createMemoryAdapter<Deploy>([{ id: 'd1', createdAt: '2026-01-01T00:00:00Z', service: { name: 'billing' }, durationMs: 1500 }])
    render(<AuditLogs adapter={adapter} fields={fields} />)
    await screen.findByText('1 event')
    const [row] = rowsOf(screen.getByRole('table'))
    expect(row).toHaveTextContent('billing1.5 s')
  })

  it("lays one stored data structure over each viewer's own fields when two viewers share an adapter and a cache", async () => {
    const adapter = createMemoryAdapter(makeEvents(3), { fieldConfig: [{ key: 'action', label: 'Stored action' }] })
    const base: AuditField[] = [
      { key: 'createdAt', label: 'Time', type: 'datetime' },
      { key: 'action', label: 'Action' },
    ]
    // One QueryClient for the page, as a host with its own React Query has: one cache for both viewers.
    render(
      <QueryClientProvider client={new QueryClient()}>
        <AuditLogs adapter={adapter} defaultFields={base} />
        <AuditLogs adapter={adapter} defaultFields={[...base, { key: 'only-b', label: 'Only B', value: () => 'b' }]} />
      </QueryClientProvider>,
    )
    const [a, b] = await screen.findAllByRole('table')
    await waitFor(() => expect(within(b as HTMLElement).getByRole('columnheader', { name: /Stored action/ })).toBeInTheDocument())
    expect(within(b as HTMLElement).getByRole('columnheader', { name: /Only B/ })).toBeInTheDocument()
    await waitFor(() => expect(within(a as HTMLElement).getByRole('columnheader', { name: /Stored action/ })).toBeInTheDocument())
    expect(within(a as HTMLElement).queryByRole('columnheader', { name: /Only B/ })).toBeNull()
  })

  it('names the missing parent when a part is used alone', () => {
    const quiet = console.error
    console.error = () => {}
    try {
      expect(() => render(<AuditLogsTable />)).toThrow('`AuditLogsTable` must be used within `AuditLogsProvider` (or `AuditLogs`).')
    } finally {
      console.error = quiet
    }
  })
})
