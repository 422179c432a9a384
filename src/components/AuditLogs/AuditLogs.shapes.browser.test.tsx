import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { hostileShapeEvents } from '../../../test/support/payloads'
import { AuditLogs } from './AuditLogs'

const events = hostileShapeEvents()

async function openEvent(id: string): Promise<HTMLElement> {
  const row = document.querySelector(`tr[data-event-id="${id}"]`)
  if (!row) throw new Error(`no row for ${id}`)
  await userEvent.click(row.querySelector('td') as HTMLElement)
  const dialog = await screen.findByRole('dialog')
  await within(dialog).findByText(id)
  return dialog
}

/** Characters of text drawn in an element: what the browser has to lay out. */
const drawnCharacters = (element: HTMLElement): number => element.textContent.length

describe('events of a hostile shape open in the drawer, drawn only as far as someone reads', () => {
  it('a 20 MB text shows its first 2,000 characters and "Show more"; a row shows a line of it', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" />)
    await screen.findByText('6 events')
    const row = document.querySelector('tr[data-event-id="evt_long_action"]') as HTMLElement
    expect(drawnCharacters(row)).toBeLessThan(2_000)

    const dialog = await openEvent('evt_long_text')
    expect(drawnCharacters(dialog)).toBeLessThan(20_000)
    // The top-level note (its first 2,000 characters) and the payload's text (a tree line: its first 300).
    const more = within(dialog).getAllByRole('button', { name: 'Show more (19,998,000 characters left)' })
    expect(more).toHaveLength(1)
    expect(within(dialog).getByRole('button', { name: 'Show more (19,999,700 characters left)' })).toBeVisible()
    await userEvent.click(more[0] as HTMLElement)
    await within(dialog).findByRole('button', { name: 'Show more (19,978,000 characters left)' })
    await userEvent.keyboard('{Escape}')

    const titled = await openEvent('evt_long_action')
    expect(within(titled).getByRole('heading', { level: 2 }).textContent.length).toBeLessThan(300)
  })

  it('100,000 properties show the first hundred and "Show more"; 100,000 array items the first hundred', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" />)
    await screen.findByText('6 events')
    const wide = await openEvent('evt_wide')
    expect(wide.querySelectorAll('.ral-detail-item').length).toBeLessThan(150)
    const more = within(wide).getByRole('button', { name: /^Show more \(99,9\d\d left\)$|^Show more \(999\d\d left\)$/ })
    await userEvent.click(more)
    expect(wide.querySelectorAll('.ral-detail-item').length).toBeGreaterThan(150)
    await userEvent.keyboard('{Escape}')

    const array = await openEvent('evt_long_array')
    // Drawn collapsed; opened, its first hundred items.
    await userEvent.click(within(array).getByText('ids'))
    await within(array).findByRole('button', { name: 'Show more (99900 left)' })
    expect(array.querySelectorAll('.ral-json-leaf').length).toBeLessThanOrEqual(100)
  })
})
