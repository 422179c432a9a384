import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { SavedView } from '../../core/savedViews'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const events = makeEvents(40)
const deletes: SavedView = { id: 'v-deletes', name: 'Deletes', search: { search: 'delete' }, scope: 'shared', isDefault: false }

describe('saved views', () => {
  it('saves the current search under a name and returns to it (text, sort and columns)', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events, { views: [] })} timeZone="UTC" locale="en-US" timeline={false} />)
    await screen.findByText('40 events')
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search events' }), 'delete{Enter}')
    await screen.findByText('20 events')
    await userEvent.click(within(screen.getByRole('columnheader', { name: /Action/ })).getByRole('button'))
    // The Views button is a part of its own, drawn once its code has loaded.
    await userEvent.click(await screen.findByRole('button', { name: 'Views' }))
    expect(await screen.findByText(/No saved views yet/)).toBeVisible()
    await userEvent.type(screen.getByRole('textbox', { name: 'Name of the current search' }), 'My deletes{Enter}')
    // Without configure there is nothing to share.
    expect(screen.queryByRole('checkbox', { name: /Share/ })).toBeNull()
    await screen.findByRole('button', { name: 'My deletes' })
    await userEvent.keyboard('{Escape}')

    await userEvent.clear(screen.getByRole('searchbox', { name: 'Search events' }))
    await userEvent.keyboard('{Enter}')
    await screen.findByText('40 events')
    await userEvent.click(screen.getByRole('button', { name: 'Views' }))
    await userEvent.click(await screen.findByRole('button', { name: 'My deletes' }))
    await screen.findByText('20 events')
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toHaveValue('delete')
    expect(screen.getByRole('columnheader', { name: /Action/ })).toHaveAttribute('aria-sort', 'ascending')
  })

  it("opens with the tenant's default view, and a view's columns are the table's", async () => {
    const adapter = createMemoryAdapter(events, { views: [{ ...deletes, isDefault: true, columns: ['action', 'severity'] }] })
    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" timeline={false} />)
    await screen.findByText('20 events')
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      expect.stringMatching(/Action/),
      expect.stringMatching(/Severity/),
    ])
  })

  it('lets those who may configure share a view and make it the default; others only use shared views', async () => {
    const adapter = createMemoryAdapter(events, { views: [deletes] })
    const { unmount } = render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" timeline={false} />)
    await screen.findByText('40 events')
    await userEvent.click(await screen.findByRole('button', { name: 'Views' }))
    await screen.findByRole('button', { name: 'Deletes' })
    expect(screen.queryByRole('button', { name: 'Rename Deletes' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Delete Deletes' })).toBeNull()
    unmount()

    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" timeline={false} canConfigure />)
    await screen.findByText('40 events')
    await userEvent.click(screen.getByRole('button', { name: 'Views' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Make default: Deletes' }))
    await expect.poll(async () => (await adapter.listViews?.({ signal: new AbortController().signal }))?.[0]?.isDefault).toBe(true)
    await userEvent.click(screen.getByRole('button', { name: 'Rename Deletes' }))
    await userEvent.keyboard('{Control>}a{/Control}Removals{Enter}')
    await screen.findByRole('button', { name: 'Removals' })
    await userEvent.click(screen.getByRole('button', { name: 'Delete Removals' }))
    await screen.findByText(/No saved views yet/)
  })

  it('shows hostile names as text and a malformed list as a message, never taking the page down', async () => {
    const hostile = '<img src=x onerror="window.hacked=1">'
    const memory = createMemoryAdapter(events, { views: [{ ...deletes, name: hostile }] })
    const { unmount } = render(<AuditLogs adapter={memory} timeZone="UTC" locale="en-US" timeline={false} />)
    await screen.findByText('40 events')
    await userEvent.click(await screen.findByRole('button', { name: 'Views' }))
    expect(await screen.findByRole('button', { name: hostile })).toBeVisible()
    expect(document.querySelector('img[src="x"]')).toBeNull()
    unmount()

    const broken: AuditLogsAdapter = { ...memory, listViews: () => Promise.resolve([{ id: 'x', name: 7 }] as unknown as SavedView[]) }
    render(<AuditLogs adapter={broken} timeZone="UTC" locale="en-US" timeline={false} />)
    await screen.findByText('40 events')
    await userEvent.click(await screen.findByRole('button', { name: 'Views' }))
    expect(await screen.findByText('The saved views could not be loaded.')).toBeVisible()
    expect(screen.getByText('40 events')).toBeVisible()
  })

  it("applying a view that filters by a hidden field shows the server's refusal in its words", async () => {
    const refusal = 'The field "user.email" is hidden: it cannot be filtered by.'
    const probe: SavedView = {
      id: 'p',
      name: 'Probe',
      search: { filters: { 'user.email': ['ana@example.com'] } },
      scope: 'personal',
      isDefault: false,
    }
    const adapter = createFetchAdapter({
      baseUrl: 'https://audit.test/api',
      viewsPath: '/views',
      fetch: async (input) => {
        const url = new URL(input instanceof Request ? input.url : String(input))
        if (url.pathname.endsWith('/views')) return Response.json([probe])
        if (url.searchParams.has('filter.user.email')) return Response.json({ message: refusal }, { status: 400 })
        return Response.json({ events: events.slice(0, 5), nextCursor: null, total: 5 })
      },
    })
    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" timeline={false} />)
    await screen.findByText('5 events')
    await userEvent.click(await screen.findByRole('button', { name: 'Views' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Probe' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(`The audit-log service refused this search: ${refusal}`)
  })
})
