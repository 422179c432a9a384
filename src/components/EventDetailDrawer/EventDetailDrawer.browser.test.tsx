import { render, screen, within } from '@testing-library/react'
import type { CSSProperties } from 'react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AdapterCallOptions } from '../../adapter/types'
import type { AuditQuery } from '../../core/types'
import { makeEvents } from '../../../test/support/events'
import { tabUntil } from '../../../test/support/keyboard'
import { rowOf } from '../../../test/support/rows'
import { hostileEvent } from '../../../test/support/payloads'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const events = makeEvents(12)
// Newest first: e000011 is the first row.

async function renderViewer(pageSize = 5) {
  render(<AuditLogs adapter={createMemoryAdapter(events)} pageSize={pageSize} timeZone="UTC" locale="en-US" />)
  await screen.findByText('12 events')
}

describe('EventDetailDrawer in Chromium', () => {
  it('opens on a click and closes with Esc, giving focus back to the row', async () => {
    await renderViewer()
    await userEvent.click(within(rowOf('e000009')).getByText('delete'))
    // The drawer's code loads on the first open.
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveAttribute('open')
    expect(dialog).toHaveAccessibleName('delete · Jan 1, 2026, 12:09:00 AM UTC')
    expect(dialog.contains(document.activeElement)).toBe(true)
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(rowOf('e000009'))
  })

  it('is reachable by keyboard alone: Tab to the rows, arrows to move, Enter to open, Esc back to the same row', async () => {
    await renderViewer()
    // Tab order: the sortable headers, then the rows as one stop.
    await tabUntil((element) => element?.tagName === 'TR')
    expect(document.activeElement).toBe(rowOf('e000011'))
    await userEvent.keyboard('{ArrowDown}{ArrowDown}')
    expect(document.activeElement).toBe(rowOf('e000009'))
    await userEvent.keyboard('{Enter}')
    expect(await screen.findByRole('dialog')).toHaveAccessibleName(/^delete · Jan 1, 2026, 12:09:00 AM/)
    await userEvent.keyboard('{Escape}')
    expect(document.activeElement).toBe(rowOf('e000009'))
    await userEvent.keyboard('{ArrowUp}[Space]')
    expect(screen.getByRole('dialog')).toHaveAccessibleName(/^save · Jan 1, 2026, 12:10:00 AM/)
    await userEvent.keyboard('{Escape}')
    expect(document.activeElement).toBe(rowOf('e000010'))
    // Tab leaves the table after one stop: rows are not each a tab stop.
    await userEvent.keyboard('{Tab}')
    expect(document.activeElement?.tagName).not.toBe('TR')
  })

  it('walks next and previous across a page boundary, loading the next page', async () => {
    const requests: Array<string | undefined> = []
    const memory = createMemoryAdapter(makeEvents(120))
    const adapter = {
      listEvents: (query: AuditQuery, options: AdapterCallOptions) => (requests.push(query.cursor), memory.listEvents(query, options)),
    }
    // A short table, so the first page of 50 fills it and no second page loads by itself.
    render(
      <div style={{ '--ral-table-height': '200px' } as CSSProperties}>
        <AuditLogs adapter={adapter} pageSize={50} timeZone="UTC" locale="en-US" defaultOpenEventId="e000070" />
      </div>,
    )
    const dialog = await screen.findByRole('dialog')
    const title = () => dialog.getAttribute('aria-label')
    // e000070 is the 50th, last event of page one.
    await expect.poll(title).toMatch(/^save · Jan 1, 2026, 01:10:00 AM/)
    expect(requests).toHaveLength(1)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Next event' }))
    await expect.poll(title).toMatch(/01:09:00 AM/)
    expect(requests).toHaveLength(2)
    await userEvent.keyboard('n')
    await expect.poll(title).toMatch(/01:08:00 AM/)
    await userEvent.keyboard('p')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Previous event' }))
    await expect.poll(title).toMatch(/01:10:00 AM/)
    // Back on the row, scrolled into the DOM if it was virtualised away.
    await userEvent.keyboard('{Escape}')
    await expect.poll(() => document.activeElement?.getAttribute('data-event-id')).toBe('e000070')
  })

  it('shows a hostile payload as text and runs none of it', async () => {
    const canary = window as { __auditLogsXss?: unknown }
    render(<AuditLogs adapter={createMemoryAdapter([hostileEvent()])} defaultOpenEventId="evt_hostile" />)
    const dialog = await screen.findByRole('dialog')
    expect((await within(dialog).findAllByText('<img src=x onerror="window.__auditLogsXss = true">')).length).toBeGreaterThan(0)
    // The drawer's own icons are SVG drawn by React (`.ral-icon`); none comes from the event.
    expect(document.querySelectorAll('.ral-root img, .ral-root script, .ral-root svg:not(.ral-icon)')).toHaveLength(0)
    // Give any injected handler the chance to run.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(canary.__auditLogsXss).toBeUndefined()
  })
})
