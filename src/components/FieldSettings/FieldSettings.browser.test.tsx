import { render, screen, waitFor, within } from '@testing-library/react'
import Papa from 'papaparse'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditField } from '../../core/types'
import { makeEvents } from '../../test-utils/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const fields: AuditField[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'action', label: 'Action' },
  { key: 'user.email', label: 'Email', exported: false },
  { key: 'user.name', label: 'User', shown: false },
]

/** Catches the Blob the download would save. */
function catchDownloads(): () => Promise<string[][]> {
  const blobs: Blob[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return 'blob:caught'
  })
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  return async () => {
    const blob = blobs.at(-1)
    if (!blob) throw new Error('nothing was downloaded')
    return Papa.parse<string[]>((await blob.text()).replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data
  }
}

const headers = (): string[] =>
  within(screen.getByRole('table', { name: 'Audit log' }))
    .getAllByRole('columnheader')
    .map((header) => header.textContent.replace(/[▲▼↕]/g, ''))

afterEach(() => {
  vi.restoreAllMocks()
})

describe('FieldSettings in Chromium', () => {
  it('adds a custom field as a column and to the CSV; reordering moves both; shown-only fields stay out', async () => {
    const downloaded = catchDownloads()
    const events = makeEvents(3).map((event, index) => ({ ...event, payload: { plan: `Plan ${index}` } }))
    render(<AuditLogs adapter={createMemoryAdapter(events)} defaultFields={fields} canConfigure csvOptions={{ saveWith: 'download' }} timeZone="UTC" />)
    await screen.findByText('3 events')
    await userEvent.click(screen.getByRole('button', { name: 'Data structure' }))
    const panel = await screen.findByRole('region', { name: 'Data structure' })

    await userEvent.fill(within(panel).getByLabelText('Key or path'), 'payload.plan')
    await userEvent.fill(within(panel).getByLabelText('Label'), 'Plan')
    await userEvent.click(within(panel).getByRole('button', { name: '+ Add field' }))
    await waitFor(() => expect(headers()).toEqual(['Time', 'Action', 'Email', 'Plan']))
    // Reorder: Plan to the top.
    for (let step = 0; step < 4; step += 1) {
      const up = within(panel).getByRole('button', { name: 'Move Plan up' })
      if ((up as HTMLButtonElement).disabled) break
      await userEvent.click(up)
    }
    await waitFor(() => expect(headers()).toEqual(['Plan', 'Time', 'Action', 'Email']))

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    await screen.findByText(/^Downloaded 3 events/)
    const rows = await downloaded()
    // Hidden but exported (User) is in; shown but not exported (Email) is out; the new field leads.
    expect(rows[0]).toEqual(['Plan', 'Time', 'Action', 'User'])
    expect(rows[1]).toEqual(['Plan 2', '2026-01-01T00:02:00.000Z', 'save', 'User 2'])
  })

  it('lays the configuration stored by the adapter over the defaults', async () => {
    const adapter = createMemoryAdapter(makeEvents(3), {
      fieldConfig: [
        { key: 'user.name', label: 'Who', shown: true },
        { key: 'payload.plan', label: 'Plan', custom: true },
        { key: 'createdAt', label: 'When' },
      ],
    })
    render(<AuditLogs adapter={adapter} defaultFields={fields} timeZone="UTC" />)
    await screen.findByText('3 events')
    await waitFor(() => expect(headers()).toEqual(['Who', 'Plan', 'When', 'Action', 'Email']))
  })
})
