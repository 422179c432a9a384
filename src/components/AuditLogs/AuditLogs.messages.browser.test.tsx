import { render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'

import { AuditLogsError } from '../../adapter/errors'
import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { defaultFields } from '../../core/fields'
import { germanMessages } from '../../core/messages.de'
import type { AuditField } from '../../core/types'
import { downloadCsv } from '../../../test/support/downloads'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

const headers = (): string[] =>
  within(screen.getByRole('table'))
    .getAllByRole('columnheader')
    .map((header) => header.textContent.replace(/[▲▼↕]/g, ''))

describe('AuditLogs in German', () => {
  it('names the default fields in German: column headers and the CSV header row', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(3))} messages={germanMessages} locale="de-DE" timeZone="UTC" />)
    await screen.findByText('3 Ereignisse')
    // The name and email of one user share a column; the time column's header says the zone.
    expect(headers()).toEqual(['Zeit UTC', 'Schweregrad', 'Aktion', 'Ressource', 'Ergebnis', 'Benutzer', 'IP-Adresse'])
    const { rows } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'CSV herunterladen' })))
    expect(rows[0]).toEqual([
      'Zeit',
      'Schweregrad',
      'Aktion',
      'Ressource',
      'Modul',
      'Ergebnis',
      'Benutzer',
      'E-Mail',
      'Benutzer-ID',
      'Berechtigungs-ID',
      'Mandant',
      'IP-Adresse',
      'Umgebung',
      'Gebietsschema',
      'Nutzdaten',
    ])
  })

  it('keeps labels a host chose, in any language', async () => {
    const fields = defaultFields.map((field) => (field.key === 'action' ? { ...field, label: 'Vorgang' } : field))
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(3))} fields={fields} messages={germanMessages} locale="de-DE" timeZone="UTC" />)
    await screen.findByText('3 Ereignisse')
    expect(headers()).toContain('Vorgang')
    expect(headers()).toContain('Zeit UTC')
  })

  it('words an HTTP 500 in German, and hands the developer detail to onError', async () => {
    const onError = vi.fn()
    const adapter = createFetchAdapter({
      baseUrl: '/api',
      // The adapter's own injectable fetch: the server answers 500 with its own (English) detail.
      fetch: async () => Response.json({ message: 'database timeout on shard 3' }, { status: 500, statusText: 'Internal Server Error' }),
    })
    render(<AuditLogs adapter={adapter} messages={germanMessages} locale="de-DE" onError={onError} />)
    // Two retries (0.5 s and 1 s apart), then the message.
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(alert).toHaveTextContent('Das Audit-Log konnte nicht geladen werden. Beim Audit-Log-Dienst ist ein Fehler aufgetreten (Fehler 500).')
    expect(alert).not.toHaveTextContent('shard')
    expect(within(alert).getByRole('button', { name: 'Erneut versuchen' })).toBeVisible()
    await expect.poll(() => onError.mock.calls.length).toBe(1)
    const [error, details] = onError.mock.calls[0] as [AuditLogsError, { part: string }]
    expect(error).toBeInstanceOf(AuditLogsError)
    expect(error.status).toBe(500)
    expect(error.message).toContain('database timeout on shard 3')
    expect(details).toEqual({ part: 'events' })
  })
})

describe('a host format or value that fails', () => {
  const fields: AuditField[] = [
    { key: 'createdAt', label: 'Time', type: 'datetime' },
    {
      key: 'action',
      label: 'Action',
      format: (value) => {
        if (value === 'delete') throw new Error('unexpected action')
        return String(value).toUpperCase()
      },
    },
    // Typed as text, but JavaScript may return a number.
    { key: 'user.name', label: 'Length', format: ((value: unknown) => String(value).length) as unknown as (value: unknown) => string },
    {
      key: 'derived',
      label: 'Derived',
      value: (event) => {
        if (event.severity === 'High') throw new Error('no rule for High')
        return String(event.severity)
      },
    },
  ]

  it('marks the cell in the table and writes every row to the CSV, saying how many cells failed', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(10))} fields={fields} timeZone="UTC" locale="en-US" />)
    await screen.findByText('10 events')
    // e000001 is a delete: its Action cell is marked and shows the value as stored.
    const row = screen.getAllByRole('row').find((candidate) => candidate.getAttribute('data-event-id') === 'e000001')
    expect(row).toBeDefined()
    const marked = within(row as HTMLElement).getAllByRole('img', { name: /function failed/ })
    expect(marked).toHaveLength(1)
    expect(row).toHaveTextContent('delete')

    const { rows } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    expect(rows).toHaveLength(11)
    const byTime = new Map(rows.slice(1).map((cells) => [cells[0], cells]))
    expect(byTime.get('2026-01-01T00:01:00.000Z')).toEqual(['2026-01-01T00:01:00.000Z', 'delete', '6', 'Medium'])
    expect(byTime.get('2026-01-01T00:00:00.000Z')).toEqual(['2026-01-01T00:00:00.000Z', 'SAVE', '6', 'Info'])
    // Events 2 and 7 are High: their derived value failed and the cell is empty.
    expect(byTime.get('2026-01-01T00:02:00.000Z')?.[3]).toBe('')
    // 5 deletes and 2 High events.
    await screen.findByText(/7 cells could not be formatted as the data structure says/)
  })
})
