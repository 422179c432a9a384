import '../../styles.css'

import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { germanMessages } from '../../core/messages.de'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

// What a row says before it is read: a mark on the edge of a row that needs attention, severity and result as
// badges in the viewer's language, and severity's values in their own order.
const SEVERITIES = ['Info', 'Critical', 'Medium', 'Info', 'High', 'Info']
const events = makeEvents(12).map((event, index) => ({
  ...event,
  severity: SEVERITIES[index % SEVERITIES.length],
  result: index === 3 ? 'failed' : 'success',
}))

const rowOf = (id: string): HTMLElement => document.querySelector(`tr[data-event-id="${id}"]`) as HTMLElement

describe('rows at a glance', () => {
  it('marks a failed or high-severity row on its edge, and no other', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" />)
    await screen.findByText('12 events')
    const marked = events.filter((event) => event.result === 'failed' || event.severity === 'High' || event.severity === 'Critical')
    const edge = (id: string): string => getComputedStyle(rowOf(id).querySelector('.ral-cell') as Element, '::before').width
    for (const event of events) {
      expect(edge(event.id), event.id).toBe(marked.includes(event) ? '3px' : 'auto')
    }
  })

  it('shows severity and result in German words, as badges of different shapes', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="de-DE" messages={germanMessages} />)
    await screen.findByText('12 Ereignisse')
    const table = screen.getByRole('table')
    expect(within(table).getAllByText('Kritisch').length).toBeGreaterThan(0)
    expect(within(table).getAllByText('Hoch').length).toBeGreaterThan(0)
    const failed = within(table).getByText('Fehlgeschlagen')
    const high = within(table).getAllByText('Hoch')[0] as HTMLElement
    // A failure is round with a ✕, a severity square with bars: never the same pink pill.
    expect(getComputedStyle(failed, '::before').content).toContain('✕')
    expect(getComputedStyle(failed).borderRadius).not.toBe(getComputedStyle(high).borderRadius)
    expect(within(table).queryByText('High')).toBeNull()
  })

  it("lists severity's values worst first, as badges", async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" />)
    await screen.findByText('12 events')
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }))
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Filter field' }), 'severity')
    const values = await screen.findByRole('region', { name: 'In this search' })
    await within(values).findByRole('button', { name: 'Critical, 2 events' })
    // By count, Info (6) would come first.
    expect(
      within(values)
        .getAllByRole('button')
        .map((button) => button.getAttribute('aria-label')),
    ).toEqual(['Critical, 2 events', 'High, 2 events', 'Medium, 2 events', 'Info, 6 events'])
    expect(within(values).getByText('Critical')).toHaveClass('ral-badge')
  })
})
