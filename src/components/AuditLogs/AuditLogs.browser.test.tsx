import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditQuery } from '../../core/types'
import { makeEvents } from '../../../test/support/events'
import { tabUntil } from '../../../test/support/keyboard'
import { AuditLogs } from './AuditLogs'

describe('AuditLogs in Chromium', () => {
  it('sorts from the keyboard: Tab to a header, Enter, and the order and aria-sort follow', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(40))} pageSize={10} timeZone="UTC" locale="en-US" />)
    await screen.findByText('40 events')
    const timeHeader = screen.getByRole('columnheader', { name: /Time/ })
    expect(timeHeader).toHaveAttribute('aria-sort', 'descending')

    const sortButton = within(timeHeader).getByRole('button')
    await tabUntil((element) => element === sortButton)
    await userEvent.keyboard('{Enter}')

    expect(timeHeader).toHaveAttribute('aria-sort', 'ascending')
    const firstRow = (): HTMLElement | undefined => within(screen.getByRole('table')).getAllByRole('row')[1]
    await expect.poll(() => firstRow()?.querySelector('time')?.title).toMatch(/^Jan 1, 2026, 12:00:00 AM UTC\n/)
  })

  it('aborts the superseded request when the search changes', async () => {
    const requests: Array<{ query: AuditQuery; signal: AbortSignal }> = []
    const memory = createMemoryAdapter(makeEvents(40))
    const adapter: AuditLogsAdapter = {
      listEvents: (query, options) => {
        requests.push({ query, signal: options.signal })
        // The first request hangs until it is aborted.
        if (requests.length === 1)
          return new Promise((_resolve, reject) => options.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))))
        return memory.listEvents(query, options)
      },
    }
    render(<AuditLogs adapter={adapter} />)
    await expect.poll(() => requests.length).toBe(1)
    await userEvent.click(within(screen.getByRole('columnheader', { name: /Action/ })).getByRole('button'))
    await screen.findByText('40 events')
    expect(requests[0]?.signal.aborted).toBe(true)
    expect(requests[1]?.query.sort).toEqual({ key: 'action', direction: 'asc' })
  })
})

describe('AuditLogs with urlState', () => {
  it('opens the event a link names and keeps the open event and search in the query string', async () => {
    window.history.replaceState(null, '', '/portal/audit?tab=logs&audit.event=e000002')
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(5))} urlState={{ prefix: 'audit.' }} timeZone="UTC" locale="en-US" />)
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByText('Jan 1, 2026, 12:02:00 AM UTC')
    const params = new URLSearchParams(window.location.search)
    expect(params.get('tab')).toBe('logs')
    expect(params.get('audit.event')).toBe('e000002')
    expect(params.get('audit.sort')).toBe('createdAt:desc')

    await userEvent.keyboard('{Escape}')
    expect(new URLSearchParams(window.location.search).get('audit.event')).toBeNull()
    await userEvent.click(within(screen.getByRole('columnheader', { name: /Action/ })).getByRole('button'))
    await expect.poll(() => new URLSearchParams(window.location.search).get('audit.sort')).toBe('action:asc')
    window.history.replaceState(null, '', '/')
  })
})
