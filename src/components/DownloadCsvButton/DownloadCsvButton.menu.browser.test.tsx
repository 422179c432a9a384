import '../../styles.css'

import { render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { downloadCsv } from '../../../test/support/downloads'
import { makeEvents } from '../../../test/support/events'
import { heldAdapter } from '../../../test/support/heldAdapter'
import { AuditLogs } from '../AuditLogs/AuditLogs'

// "Download CSV" and its menu of rows, driven as a person would: the keys of a WAI-ARIA menu button, the
// scope chosen reaching the file, and Cancel in the control's place while the export runs.

const menuButton = (): HTMLElement => screen.getByRole('button', { name: 'Rows to download' })

describe('the Download CSV menu button', () => {
  it('opens with Enter, Space or ArrowDown on its first item; arrows move and wrap; Escape closes and returns focus; Tab closes', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(120))} pageSize={20} timeZone="UTC" locale="en-US" />)
    await screen.findByText('120 events')
    const toggle = menuButton()
    expect(toggle).toHaveAttribute('aria-haspopup', 'menu')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    toggle.focus()

    await userEvent.keyboard('{Enter}')
    const menu = await screen.findByRole('menu', { name: 'Rows to download' })
    const items = await within(menu).findAllByRole('menuitem')
    expect(items.map((item) => item.textContent.replace(/\d+/, 'N'))).toEqual(['All matching events', 'Loaded rows only (N)'])
    await waitFor(() => expect(items[0]).toHaveFocus())
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await userEvent.keyboard('{ArrowDown}')
    expect(items[1]).toHaveFocus()
    await userEvent.keyboard('{ArrowDown}')
    expect(items[0]).toHaveFocus()
    await userEvent.keyboard('{ArrowUp}')
    expect(items[1]).toHaveFocus()
    await userEvent.keyboard('{Home}')
    expect(items[0]).toHaveFocus()
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'false'))
    expect(menu).not.toBeVisible()
    expect(toggle).toHaveFocus()

    await userEvent.keyboard(' ')
    await waitFor(() => expect(screen.getAllByRole('menuitem')[0]).toHaveFocus())
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(toggle).toHaveFocus())

    await userEvent.keyboard('{ArrowDown}')
    await waitFor(() => expect(screen.getAllByRole('menuitem')[0]).toHaveFocus())
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(toggle).toHaveFocus())

    await userEvent.keyboard('{ArrowDown}')
    await waitFor(() => expect(screen.getAllByRole('menuitem')[0]).toHaveFocus())
    // Tab leaves the menu and closes it.
    await userEvent.keyboard('{Tab}')
    await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'false'))
  })

  it.each([
    ['the loaded rows', 1],
    ['every matching event', 0],
  ])('exports the scope chosen from the keyboard: %s', async (_scope, index) => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(500))} pageSize={20} timeZone="UTC" locale="en-US" />)
    await screen.findByText('500 events')
    menuButton().focus()
    await userEvent.keyboard('{ArrowDown}')
    const items = await screen.findAllByRole('menuitem')
    await waitFor(() => expect(items[0]).toHaveFocus())
    // The table loads what fills its box: the loaded rows are fewer than the matching events.
    const loaded = Number(/\((\d+)\)/.exec(items[1]?.textContent ?? '')?.[1])
    expect(loaded).toBeGreaterThan(0)
    expect(loaded).toBeLessThan(500)
    if (index === 1) await userEvent.keyboard('{ArrowDown}')
    expect(items[index]).toHaveFocus()
    const { rows } = await downloadCsv(() => userEvent.keyboard('{Enter}'))
    const written = index === 1 ? loaded : 500
    expect(rows).toHaveLength(written + 1)
    await screen.findByText(new RegExp(`^Downloaded ${written} events`))
  })

  it('is Cancel while it runs, in the same place and size, with the rows so far; Cancel stops it and focus returns to Download', async () => {
    const { adapter, release } = heldAdapter(makeEvents(60))
    render(<AuditLogs adapter={adapter} pageSize={100} csvOptions={{ pageSize: 20 }} timeZone="UTC" locale="en-US" />)
    await screen.findByText('60 events')
    const download = screen.getByRole('button', { name: 'Download CSV' })
    const pair = download.parentElement as HTMLElement
    const before = pair.getBoundingClientRect()
    download.focus()
    await userEvent.keyboard('{Enter}')
    const cancel = await screen.findByRole('button', { name: 'Cancel' })
    await waitFor(() => expect(cancel).toHaveFocus())
    expect(cancel).toHaveTextContent('Cancel0')
    expect(cancel).toHaveAccessibleDescription('Exporting… 0 events')
    // Download and its menu are out of reach while Cancel covers them.
    expect(screen.queryByRole('button', { name: 'Download CSV' })).toBeNull()
    expect(cancel.getBoundingClientRect().toJSON()).toEqual(before.toJSON())
    await userEvent.keyboard('{Enter}')
    await screen.findByText('Export cancelled. No file was saved.')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Download CSV' })).toHaveFocus())
    release()
  })

  it('moves its fill to and fro until the total is known, then fills as far as the rows go', async () => {
    const { adapter, step, release } = heldAdapter(makeEvents(60))
    render(<AuditLogs adapter={adapter} pageSize={100} csvOptions={{ pageSize: 20 }} timeZone="UTC" locale="en-US" />)
    await screen.findByText('60 events')
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    const cancel = await screen.findByRole('button', { name: 'Cancel' })
    const fill = cancel.querySelector('.ral-export-fill') as HTMLElement
    expect(fill).toHaveAttribute('data-indeterminate')
    step()
    // The first page says the total: a third of the rows are written.
    await waitFor(() => expect(cancel).toHaveTextContent('Cancel20'))
    expect(cancel).toHaveAccessibleDescription('Exporting… 20 of 60 events')
    expect(fill).not.toHaveAttribute('data-indeterminate')
    expect(fill.style.width).toBe('33.3%')
    release()
    await screen.findByText(/^Downloaded 60 events/)
  })

  it('does nothing, and opens no menu, when nothing matches; its focus ring is light', async () => {
    render(<AuditLogs adapter={createMemoryAdapter([])} timeZone="UTC" locale="en-US" />)
    await screen.findByText(/^No events yet/)
    const toggle = menuButton()
    expect(toggle).toHaveAttribute('aria-disabled', 'true')
    expect(toggle).toHaveAccessibleDescription('Nothing to download: no events match.')
    toggle.focus()
    await userEvent.keyboard('{ArrowDown}')
    await userEvent.keyboard('{Enter}')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
    const download = screen.getByRole('button', { name: 'Download CSV' })
    expect(download).toHaveFocus()
    expect(getComputedStyle(download).outlineWidth).toBe('1px')
  })
})
