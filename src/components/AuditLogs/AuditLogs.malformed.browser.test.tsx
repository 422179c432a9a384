import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import type { AuditLogsAdapter } from '../../adapter/types'
import { defaultFields } from '../../core/fields'
import type { AuditField } from '../../core/types'
import { rowOf } from '../../../test/support/rows'
import { AuditLogs } from './AuditLogs'

/** An adapter answering whatever a broken backend sends: the type system cannot stop a real server. */
const answering = (...responses: unknown[]): AuditLogsAdapter => {
  let call = 0
  return {
    listEvents: async () => {
      const response = responses[Math.min(call, responses.length - 1)]
      call += 1
      if (response instanceof Error) throw response
      return response as never
    },
  }
}

describe('AuditLogs with a malformed or huge response, in Chromium', () => {
  it('shows bad rows as marked placeholders with what they have, and the rest of the table works', async () => {
    const adapter = answering({
      events: [
        { id: 'good-1', createdAt: '2026-01-01T10:00:00Z', action: 'login', user: { name: 'Ada' } },
        null,
        { id: 'no-time', action: 'delete', user: { name: 'Eve' } },
        { id: 'good-2', createdAt: '2026-01-01T09:00:00Z', action: 'logout', user: 'not an object' },
      ],
      total: 4,
    })
    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />)
    await screen.findByText('4 events')
    expect(screen.queryByRole('alert')).toBeNull()

    const marks = screen.getAllByText('Unreadable')
    expect(marks).toHaveLength(2)
    expect(marks[1]).toHaveAttribute('title', 'events[2].createdAt is undefined, expected an ISO-8601 string or epoch milliseconds')
    expect(rowOf('no-time')).toHaveTextContent('delete')
    expect(rowOf('no-time')).toHaveTextContent('Eve')
    // A user that is a string where an object was expected is an empty cell, not a crash.
    expect(rowOf('good-2')).toHaveTextContent('logout')

    // The drawer of a placeholder says what was wrong and shows everything the row had.
    await userEvent.click(within(rowOf('no-time')).getByText('delete'))
    const dialog = await screen.findByRole('dialog')
    expect(await within(dialog).findByText(/This row is not a complete event and is shown as it came:/)).toBeInTheDocument()
    expect(within(dialog).getAllByText('Eve').length).toBeGreaterThan(0)
    await userEvent.keyboard('{Escape}')

    // A good row still opens normally, and sorting still asks the adapter.
    await userEvent.click(within(rowOf('good-1')).getByText('login'))
    expect(await screen.findByRole('dialog')).toHaveAccessibleName(/^login · Jan 1, 2026, 10:00:00 AM/)
    await userEvent.keyboard('{Escape}')
  })

  it('explains a page that is not a page (an HTML error body), and Retry recovers', async () => {
    const adapter = answering('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>', {
      events: [{ id: 'a', createdAt: '2026-01-01T00:00:00Z', action: 'login' }],
    })
    render(<AuditLogs adapter={adapter} />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The audit log could not be loaded. The audit-log service sent an answer that cannot be read.')
    expect(document.querySelector('.ral-root h1')).toBeNull()
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText('1 event')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('draws a 10 MB payload in a column and in the drawer without copying it into the page whole', async () => {
    const chunk = 'x'.repeat(1000)
    const payload = Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`key${String(index)}`, chunk]))
    const fields = defaultFields.map((field) => (field.key === 'payload' ? { ...field, shown: true } : field))
    render(<AuditLogs adapter={answering({ events: [{ id: 'big', createdAt: 0, action: 'import', payload }] })} fields={fields} />)
    await screen.findByText('1 event')
    const cell = document.querySelector<HTMLElement>('tr[data-event-id="big"] code')
    expect(cell?.textContent).toHaveLength(161)
    expect(cell?.title.length).toBeLessThanOrEqual(2001)

    await userEvent.click(within(rowOf('big')).getByText('import'))
    const dialog = await screen.findByRole('dialog')
    // The JSON tree shows the first keys (each text's first characters) and offers the rest on demand.
    expect(await within(dialog).findByRole('button', { name: 'Show more (9900 left)' })).toBeInTheDocument()
    expect(document.body.textContent.length).toBeLessThan(1_000_000)
  })

  it("keeps the table when a host's accessor or format throws on an unexpected event", async () => {
    const fields: AuditField[] = [
      { key: 'createdAt', label: 'Time', type: 'datetime' },
      { key: 'upper', label: 'Upper', value: (event) => (event.name as string).toUpperCase() },
      { key: 'size', label: 'Size', format: (value) => `${(value as number).toFixed(1)} MB` },
    ]
    const adapter = answering({
      events: [
        { id: 'a', createdAt: 0, name: 'ok', size: 2 },
        { id: 'b', createdAt: 1_700_000_000_000, size: 'huge' },
      ],
    })
    render(<AuditLogs adapter={adapter} fields={fields} timeZone="UTC" />)
    await screen.findByText('2 events')
    expect(rowOf('a')).toHaveTextContent('OK2.0 MB')
    expect(rowOf('b')).toHaveTextContent('huge')
  })
})
