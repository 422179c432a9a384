import { render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditField } from '../../core/types'
import { downloadCsv } from '../../../test/support/downloads'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const fields: AuditField[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'action', label: 'Action' },
  { key: 'user.email', label: 'Email', exported: false },
  { key: 'user.name', label: 'User', shown: false },
]

const headers = (): string[] =>
  within(screen.getByRole('table', { name: 'Audit log' }))
    .getAllByRole('columnheader')
    .map((header) => header.textContent.replace(/[▲▼↕]/g, ''))

describe('FieldSettings in Chromium', () => {
  it('keeps a field half added when its panel is closed and opened again', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(3))} defaultFields={fields} canConfigure timeZone="UTC" />)
    await screen.findByText('3 events')
    const toggle = screen.getByRole('button', { name: 'Data structure' })
    await userEvent.click(toggle)
    const panel = await screen.findByRole('region', { name: 'Data structure' })
    await userEvent.fill(within(panel).getByLabelText('Key or path'), 'payload.plan')
    await userEvent.keyboard('{Escape}')
    await expect.poll(() => screen.queryByRole('region', { name: 'Data structure' })).toBeNull()
    expect(toggle).toHaveFocus()
    await userEvent.click(toggle)
    const again = await screen.findByRole('region', { name: 'Data structure' })
    expect(within(again).getByLabelText('Key or path')).toHaveValue('payload.plan')
  })

  it('adds a custom field as a column and to the CSV; reordering moves both; shown-only fields stay out', async () => {
    const events = makeEvents(3).map((event, index) => ({ ...event, payload: { plan: `Plan ${index}` } }))
    render(<AuditLogs adapter={createMemoryAdapter(events)} defaultFields={fields} canConfigure timeZone="UTC" />)
    await screen.findByText('3 events')
    await userEvent.click(screen.getByRole('button', { name: 'Data structure' }))
    const panel = await screen.findByRole('region', { name: 'Data structure' })

    await userEvent.fill(within(panel).getByLabelText('Key or path'), 'payload.plan')
    await userEvent.fill(within(panel).getByLabelText('Label'), 'Plan')
    await userEvent.click(within(panel).getByRole('button', { name: '+ Add field' }))
    await waitFor(() => expect(headers()).toEqual(['Time UTC', 'Action', 'Email', 'Plan']))
    // Reorder: Plan to the top, dragged by its handle onto the first row.
    const handle = within(panel).getByRole('button', { name: 'Reorder Plan' })
    await userEvent.dragAndDrop(handle, within(panel).getByRole('button', { name: 'Reorder Time' }), { targetPosition: { x: 4, y: 2 } })
    await waitFor(() => expect(headers()).toEqual(['Plan', 'Time UTC', 'Action', 'Email']))

    const { rows } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    await screen.findByText(/^Downloaded 3 events/)
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
    await waitFor(() => expect(headers()).toEqual(['Who', 'Plan', 'When UTC', 'Action', 'Email']))
  })

  it("hides a field's values when its switch is on; a field the code hides cannot be shown from here", async () => {
    const adapter = createMemoryAdapter(makeEvents(3), { fieldConfig: [] })
    const marked: AuditField[] = fields.map((field) => (field.key === 'user.email' ? { ...field, sensitive: 'personal' } : field))
    render(<AuditLogs adapter={adapter} defaultFields={marked} canConfigure timeZone="UTC" />)
    await screen.findByText('3 events')
    await userEvent.click(screen.getByRole('button', { name: 'Data structure' }))
    const panel = await screen.findByRole('region', { name: 'Data structure' })
    const hiddenSwitch = (label: string) => within(panel).getByRole('switch', { name: `Hidden (sensitive): ${label}` })
    expect(hiddenSwitch('Email')).toBeChecked()
    expect(hiddenSwitch('Email')).toBeDisabled()
    expect(hiddenSwitch('Email')).toHaveAccessibleDescription(/Hidden by the application/)
    expect(hiddenSwitch('User')).not.toBeChecked()
    await userEvent.click(hiddenSwitch('User'))
    expect(hiddenSwitch('User')).toBeChecked()
    await userEvent.click(within(panel).getByRole('button', { name: 'Save' }))
    await expect
      .poll(async () => (await adapter.loadFieldConfig?.({ signal: new AbortController().signal }))?.find((field) => field.key === 'user.name'))
      .toMatchObject({ sensitive: 'personal' })
  })
})
