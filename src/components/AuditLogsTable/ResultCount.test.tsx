import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import { germanMessages } from '../../core/messages.de'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

describe('a bounded count', () => {
  it('reads "20+ events" with a "Count all" button that asks the adapter for the exact number', async () => {
    const adapter = createMemoryAdapter(makeEvents(45), { countLimit: 20 })
    const countEvents = vi.spyOn(adapter, 'countEvents')
    render(<AuditLogs adapter={adapter} pageSize={10} locale="en-US" timeZone="UTC" />)
    expect(await screen.findByText('20+ events')).toBeInTheDocument()
    // Counting everything is the person's choice: nothing is counted until asked.
    expect(countEvents).not.toHaveBeenCalled()
    await userEvent.click(await screen.findByRole('button', { name: 'Count all' }))
    expect(await screen.findByText('45 events')).toBeInTheDocument()
    expect(countEvents).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('button', { name: 'Count all' })).toBeNull()
    expect(screen.queryByText('20+ events')).toBeNull()
  })

  it('in German, with the locale’s digits: "10.000+ Ereignisse", then the exact "10.004 Ereignisse"', async () => {
    const adapter = createMemoryAdapter(makeEvents(10_004), { countLimit: 10_000 })
    render(<AuditLogs adapter={adapter} pageSize={50} messages={germanMessages} locale="de-DE" timeZone="UTC" />)
    expect(await screen.findByText('10.000+ Ereignisse')).toBeInTheDocument()
    await userEvent.click(await screen.findByRole('button', { name: 'Alle zählen' }))
    expect(await screen.findByText('10.004 Ereignisse')).toBeInTheDocument()
  })

  it('without countEvents the bound stays as it is, with no button; a failed count keeps the bound and says so', async () => {
    const memory = createMemoryAdapter(makeEvents(300), { countLimit: 100 })
    const { unmount } = render(
      <AuditLogs adapter={{ listEvents: (query, options) => memory.listEvents(query, options) }} pageSize={10} locale="en-US" timeZone="UTC" />,
    )
    expect(await screen.findByText('100+ events')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Count all' })).toBeNull()
    unmount()

    const failing: AuditLogsAdapter = {
      listEvents: (query, options) => memory.listEvents(query, options),
      countEvents: () => Promise.reject(new Error('count timed out')),
    }
    render(<AuditLogs adapter={failing} pageSize={10} locale="en-US" timeZone="UTC" />)
    expect(await screen.findByText('100+ events')).toBeInTheDocument()
    await userEvent.click(await screen.findByRole('button', { name: 'Count all' }))
    expect(await screen.findByText(/Could not count them all/, {}, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.getByText(/100\+ events/)).toBeInTheDocument()
  })
})
