import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditSearch } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { tabUntil } from '../../../test/support/keyboard'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const events = generateAuditEvents({ count: 300, seed: 11, end: Date.parse('2026-06-01T00:00:00Z') })
const succeeded = events.filter((event) => event.result === 'success')
const firstRow = (): HTMLElement => within(screen.getByRole('table')).getAllByRole('row')[1] as HTMLElement
const shownEmails = (): string[] =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => events.find((event) => event.id === row.getAttribute('data-event-id'))?.user.email ?? '')

describe('investigation moves', () => {
  it('"Same actor" from the drawer shows only that actor\'s events, and Back restores the previous search', async () => {
    const start: AuditSearch = { filters: { result: ['success'] }, sort: { key: 'createdAt', direction: 'desc' } }
    // An entry of the page's own: were the move no step of history, Back would stop here, not leave the test page.
    window.history.pushState({ page: 'before the viewer' }, '')
    render(<AuditLogs adapter={createMemoryAdapter(events)} defaultSearch={start} timeZone="UTC" locale="en-US" />)
    await screen.findByText(`${String(succeeded.length)} events`)
    const opened = events.find((event) => event.id === firstRow().getAttribute('data-event-id'))
    const actor = opened?.user.email ?? ''
    await userEvent.click(firstRow())
    const dialog = await screen.findByRole('dialog')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Same actor' }))

    const byActor = events.filter((event) => event.user.email === actor)
    await screen.findByText(`${String(byActor.length)} events`)
    expect(byActor.some((event) => event.result !== 'success')).toBe(true)
    expect(new Set(shownEmails())).toEqual(new Set([actor]))
    expect(screen.queryByRole('dialog')).toBeNull()

    window.history.back()
    await screen.findByText(`${String(succeeded.length)} events`)
    expect(new Set(shownEmails()).size).toBeGreaterThan(1)
  })

  it('reaches every move by keyboard, and "± 5 min" shows the minutes around the event', async () => {
    window.history.pushState({ page: 'before the viewer' }, '')
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" />)
    await screen.findByText('300 events')
    await tabUntil((element) => element?.tagName === 'TR')
    await userEvent.keyboard('{Enter}')
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByRole('group', { name: 'Investigate' })).toBeVisible()
    const around = within(dialog).getByRole('button', { name: '± 5 min around this' })
    await tabUntil((element) => element === around)
    await userEvent.keyboard('{Enter}')
    const time = Date.parse(String(events[0]?.createdAt))
    // [t − 5 min, t + 5 min)
    const near = events.filter((event) => Date.parse(event.createdAt) - time >= -5 * 60_000 && Date.parse(event.createdAt) - time < 5 * 60_000)
    await screen.findByText(near.length === 1 ? '1 event' : `${String(near.length)} events`)
    window.history.back()
    await screen.findByText('300 events')
  })
})
