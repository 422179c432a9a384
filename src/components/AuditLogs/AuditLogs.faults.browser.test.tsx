import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { AuditLogsError } from '../../adapter/errors'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditPage } from '../../core/types'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

const memory = createMemoryAdapter(makeEvents(120))

describe('AuditLogs when the backend fails, in Chromium', () => {
  it('gives up on a request that hangs after requestTimeout with a clear message, and Retry recovers', async () => {
    let hang = true
    const signals: AbortSignal[] = []
    const adapter: AuditLogsAdapter = {
      listEvents: (query, options) => {
        signals.push(options.signal)
        return hang ? new Promise<AuditPage>(() => {}) : memory.listEvents(query, options)
      },
    }
    render(<AuditLogs adapter={adapter} requestTimeout={300} />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The audit log could not be loaded. The audit-log service did not answer within 0.3 seconds.')
    // Not retried: the person already waited the whole limit. The hanging request was told to stop.
    expect(signals).toHaveLength(1)
    expect(signals[0]?.aborted).toBe(true)
    hang = false
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText('120 events')).toBeInTheDocument()
  })

  it('keeps the loaded rows when the network drops mid-scroll, retries briefly, says so, and Retry loads on', async () => {
    let online = true
    let failedCalls = 0
    const adapter: AuditLogsAdapter = {
      listEvents: (query, options) => {
        if (!online && query.cursor !== undefined) {
          failedCalls += 1
          return Promise.reject(new AuditLogsError('network', 'The audit-log server could not be reached (Failed to fetch).'))
        }
        return memory.listEvents(query, options)
      },
    }
    render(<AuditLogs adapter={adapter} pageSize={20} />)
    await screen.findByText('120 events')
    online = false
    const scroller = document.querySelector<HTMLElement>('.ral-table-scroll')
    if (!scroller) throw new Error('no scroll box')
    scroller.scrollTop = scroller.scrollHeight
    scroller.dispatchEvent(new Event('scroll'))

    // Two quick retries (0.5 s and 1 s apart; retryPolicy.test bounds the waits), then the message.
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(alert).toHaveTextContent('The audit-log service could not be reached. Check the connection.')
    // Retried before saying so (the first try and two retries; a scroll may ask once more).
    expect(failedCalls).toBeGreaterThanOrEqual(3)
    // The rows already loaded stay, and stay usable.
    expect(document.querySelectorAll('tr[data-event-id]').length).toBeGreaterThan(10)

    online = true
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await expect.poll(() => document.querySelector('[role="alert"]')).toBeNull()
    await expect.poll(() => Number(document.querySelector('table')?.getAttribute('aria-rowcount'))).toBe(121)
    // Scrolling on reaches the oldest event: every page after the failed one loads.
    const scrollToEnd = () => {
      scroller.scrollTop = scroller.scrollHeight
      scroller.dispatchEvent(new Event('scroll'))
      return document.querySelector('tr[data-event-id="e000000"]')
    }
    await expect.poll(scrollToEnd, { timeout: 5_000 }).not.toBeNull()
  })
})
