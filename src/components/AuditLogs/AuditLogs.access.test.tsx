import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { germanMessages } from '../../core/messages.de'
import type { AuditLogsAdapter } from '../../adapter/types'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

function spyAdapter(events = makeEvents(5)) {
  const memory = createMemoryAdapter(events, { tenantKey: 'tenantId' })
  const listEvents = vi.fn<AuditLogsAdapter['listEvents']>((query, options) => memory.listEvents(query, options))
  return { adapter: { listEvents } satisfies AuditLogsAdapter, listEvents }
}

describe('AuditLogs permissions', () => {
  it('without view permission says so and makes no adapter call', async () => {
    const { adapter, listEvents } = spyAdapter()
    // Time made by the test: a minute passes at once, so a delayed, retried or polling call would have run.
    vi.useFakeTimers()
    try {
      render(<AuditLogs adapter={adapter} canView={false} />)
      expect(screen.getByRole('status')).toHaveTextContent("You don't have permission to view audit logs.")
      expect(screen.queryByRole('table')).toBeNull()
      await vi.advanceTimersByTimeAsync(60_000)
      expect(listEvents).not.toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }
  })

  it('when not enabled says so, offers owners the enable action, and makes no adapter call', async () => {
    const { adapter, listEvents } = spyAdapter()
    const onEnable = vi.fn()
    const { rerender } = render(<AuditLogs adapter={adapter} enabled={false} onEnable={onEnable} />)
    expect(screen.getByRole('status')).toHaveTextContent('Audit logs are not enabled.')
    await userEvent.click(screen.getByRole('button', { name: 'Enable audit logs' }))
    expect(onEnable).toHaveBeenCalledTimes(1)
    rerender(<AuditLogs adapter={adapter} enabled={false} />)
    expect(screen.queryByRole('button', { name: 'Enable audit logs' })).toBeNull()
    expect(listEvents).not.toHaveBeenCalled()
  })

  it('without export permission has no download; without configure permission no settings', async () => {
    const { adapter } = spyAdapter()
    const { rerender } = render(<AuditLogs adapter={adapter} canExport={false} />)
    await screen.findByText('5 events')
    expect(screen.queryByRole('button', { name: /^Download/ })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Data structure' })).toBeNull()
    rerender(<AuditLogs adapter={adapter} canConfigure />)
    expect(screen.getByRole('button', { name: /^Download/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Data structure' })).toBeInTheDocument()
  })
})

describe('AuditLogs tenant scoping', () => {
  it('keeps two tenants apart on one page: every call carries the tenant, caches never mix', async () => {
    const events = makeEvents(9).map((event, index) => ({ ...event, tenantId: index < 3 ? 'acme' : 'globex' }))
    const { adapter, listEvents } = spyAdapter(events)
    const client = new QueryClient()
    render(
      <QueryClientProvider client={client}>
        <div data-testid="acme">
          <AuditLogs adapter={adapter} tenantId="acme" />
        </div>
        <div data-testid="globex">
          <AuditLogs adapter={adapter} tenantId="globex" />
        </div>
      </QueryClientProvider>,
    )
    expect(await within(screen.getByTestId('acme')).findByText('3 events')).toBeInTheDocument()
    expect(await within(screen.getByTestId('globex')).findByText('6 events')).toBeInTheDocument()
    expect(new Set(listEvents.mock.calls.map(([, options]) => options.tenantId))).toEqual(new Set(['acme', 'globex']))
    const keys = client
      .getQueryCache()
      .findAll({ predicate: (query) => query.queryKey[3] === 'events' })
      .map((query) => query.queryKey[2])
    expect(keys.sort()).toEqual(['acme', 'globex'])
  })
})

describe('AuditLogs messages', () => {
  it('ships German', async () => {
    const { adapter } = spyAdapter()
    render(<AuditLogs adapter={adapter} messages={germanMessages} locale="de-DE" timeZone="Europe/Berlin" />)
    expect(await screen.findByText('5 Ereignisse')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Audit-Log' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'CSV herunterladen' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Zeitraum: Gesamter Zeitraum' })).toBeInTheDocument()
    expect(screen.getByRole('columnheader', { name: /^Zeit MEZ/ })).toBeInTheDocument()
    // Dates follow the locale too.
    expect(document.querySelector('time')?.title).toMatch(/^1\. Jan\. 2026, 01:04:00 MEZ\n/)
  })

  it('takes overrides for any visible string', async () => {
    const { adapter } = spyAdapter()
    render(
      <AuditLogs
        adapter={adapter}
        messages={{ tableLabel: 'Prüfprotokoll', eventCount: (_count, formatted) => `${formatted} Ereignisse`, download: 'CSV herunterladen' }}
        locale="de-DE"
      />,
    )
    expect(await screen.findByText('5 Ereignisse')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Prüfprotokoll' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'CSV herunterladen' })).toBeInTheDocument()
  })
})
