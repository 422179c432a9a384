import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'

import { AuditLogsError } from '../../adapter/errors'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import { defineFields } from '../../core/defineFields'
import type { AuditField } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { AuditLogs, type AuditLogsProps } from '../AuditLogs/AuditLogs'

const events = generateAuditEvents({ count: 300, seed: 31, end: Date.UTC(2026, 10, 23, 12) })

function Viewer({ make, ...props }: Omit<AuditLogsProps, 'adapter'> & { make: () => AuditLogsAdapter }) {
  const [adapter] = useState(make)
  return <AuditLogs {...props} adapter={adapter} canConfigure timeZone="UTC" locale="en-US" />
}

const meta = {
  title: 'FieldSettings',
  component: Viewer,
  args: { make: (): AuditLogsAdapter => createMemoryAdapter(events, { fieldConfig: [] }) },
} satisfies Meta<typeof Viewer>

export default meta
type Story = StoryObj<typeof meta>

const headers = (canvasElement: HTMLElement): string[] =>
  within(within(canvasElement).getByRole('table', { name: 'Audit log' }))
    .getAllByRole('columnheader')
    .map((header) => header.textContent.replace(/[▲▼↕]/g, ''))

async function openPanel(canvasElement: HTMLElement): Promise<HTMLElement> {
  const canvas = within(canvasElement)
  await canvas.findByText('300 events')
  await userEvent.click(canvas.getByRole('button', { name: 'Data structure' }))
  return canvas.findByRole('region', { name: 'Data structure' })
}

/** The default data structure: every property of both source products, each with its two switches. */
export const DefaultStructure: Story = {
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement)
    // Column headers once; each switch is named with its field.
    await expect(
      within(panel)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Field', 'Table', 'CSV', 'Hidden'])
    await expect(within(panel).getAllByRole('switch', { name: /^Shown in table: / })).toHaveLength(15)
    await expect(within(panel).getAllByRole('switch', { name: /^Included in download: / })).toHaveLength(15)
    await expect(within(panel).getByRole('switch', { name: 'Shown in table: Severity' })).toBeChecked()
  },
}

/** Switches and reordering apply to the table at once, by keyboard alone. */
export const EditingTheLiveTable: Story = {
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement)
    within(panel).getByRole('switch', { name: 'Shown in table: Severity' }).focus()
    await userEvent.keyboard(' ')
    await waitFor(() => expect(headers(canvasElement)).not.toContain('Severity'))

    within(panel).getByRole('switch', { name: 'Shown in table: Module' }).focus()
    await userEvent.keyboard(' ')
    await waitFor(() => expect(headers(canvasElement)).toContain('Module'))

    // Move Action up, twice, with the arrow key on its handle: focus stays on the handle and the move is announced.
    within(panel).getByRole('button', { name: 'Reorder Action' }).focus()
    await userEvent.keyboard('{ArrowUp}')
    await waitFor(() => expect(within(panel).getByRole('button', { name: 'Reorder Action' })).toHaveFocus())
    await userEvent.keyboard('{ArrowUp}')
    await expect(await within(panel).findByText('Action moved to position 1 of 15.')).toBeInTheDocument()
    await waitFor(() => expect(headers(canvasElement)[0]).toBe('Action'))
  },
}

/** "+ Add field": a dot path of the team's events becomes a column; bad input is refused with a reason. */
export const AddingACustomField: Story = {
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement)
    const form = within(panel).getByRole('form', { name: 'Add a field' })
    const add = within(form).getByRole('button', { name: '+ Add field' })

    await userEvent.click(add)
    await expect(await within(form).findByRole('alert')).toHaveTextContent('Enter the key or dot path')
    await userEvent.type(within(form).getByLabelText('Key or path'), 'payload..plan')
    await userEvent.click(add)
    await expect(within(form).getByRole('alert')).toHaveTextContent('A path is words joined by dots')
    await userEvent.clear(within(form).getByLabelText('Key or path'))
    await userEvent.type(within(form).getByLabelText('Key or path'), 'action')
    await userEvent.type(within(form).getByLabelText('Label'), 'Again')
    await userEvent.click(add)
    await expect(within(form).getByRole('alert')).toHaveTextContent('A field with this key already exists.')
    await userEvent.clear(within(form).getByLabelText('Key or path'))
    await userEvent.type(within(form).getByLabelText('Key or path'), 'payload.plan')
    await userEvent.clear(within(form).getByLabelText('Label'))
    await userEvent.click(add)
    await expect(within(form).getByRole('alert')).toHaveTextContent('Enter a label')

    await userEvent.type(within(form).getByLabelText('Label'), 'Plan')
    await userEvent.click(add)
    await waitFor(() => expect(headers(canvasElement)).toContain('Plan'))
    await expect(within(form).queryByRole('alert')).toBeNull()
    await expect(within(panel).getByRole('button', { name: 'Remove Plan' })).toBeVisible()
  },
}

/** Save, at the panel's foot, stores the structure through the adapter; until then it says how many changes are unsaved. */
export const Saving: Story = {
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement)
    await userEvent.click(within(panel).getAllByRole('switch', { name: /^Included in download: / })[1] as HTMLElement)
    await expect(within(panel).getByText('1 unsaved change')).toBeVisible()
    await userEvent.click(within(panel).getByRole('button', { name: 'Save' }))
    await expect(await within(panel).findByText('Saved.')).toBeVisible()
  },
}

/** Two unsaved changes and Cancel: the panel asks before it throws them away, Keep editing focused. */
export const UnsavedChanges: Story = {
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement)
    await userEvent.click(within(panel).getByRole('switch', { name: 'Shown in table: Severity' }))
    await userEvent.click(within(panel).getByRole('switch', { name: 'Shown in table: Module' }))
    await expect(within(panel).getByText('2 unsaved changes')).toBeVisible()
    await userEvent.click(within(panel).getByRole('button', { name: 'Cancel' }))
    const question = within(panel).getByRole('group', { name: 'Discard 2 unsaved changes?' })
    await waitFor(() => expect(within(question).getByRole('button', { name: 'Keep editing' })).toHaveFocus())
  },
}

/** A failed save says so and keeps every edit. */
export const FailedSave: Story = {
  args: {
    make: (): AuditLogsAdapter => ({
      ...createMemoryAdapter(events),
      saveFieldConfig: async () => {
        throw new AuditLogsError('http', 'The audit-log server answered 503 Service Unavailable.', { status: 503 })
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const panel = await openPanel(canvasElement)
    const severity = within(panel).getByRole('switch', { name: 'Shown in table: Severity' })
    await userEvent.click(severity)
    await userEvent.click(within(panel).getByRole('button', { name: 'Save' }))
    await expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'The data structure could not be saved. The audit-log service had a problem (error 503). Your changes are kept; try again.',
    )
    await expect(severity).not.toBeChecked()
    await expect(headers(canvasElement)).not.toContain('Severity')
  },
}

type Deploy = {
  id: string
  createdAt: string
  service: { name: string; region: string }
  actor: { login: string }
  outcome: 'succeeded' | 'failed'
  durationMs: number
}

const deployFields = defineFields<Deploy>()([
  { key: 'createdAt', label: 'Deployed', type: 'datetime' },
  { key: 'service.name', label: 'Service', filterable: true },
  { key: 'service.region', label: 'Region', filterable: true },
  { key: 'actor.login', label: 'By' },
  { key: 'outcome', label: 'Outcome', type: 'status', filterable: true },
  { key: 'durationMs', label: 'Duration', type: 'number', format: (value) => `${(Number(value) / 1000).toFixed(1)} s` },
])

const deploys: Deploy[] = Array.from({ length: 40 }, (_, index) => ({
  id: `deploy-${index}`,
  createdAt: new Date(Date.UTC(2026, 10, 23) - index * 3_600_000).toISOString(),
  service: { name: ['billing', 'search', 'auth'][index % 3] ?? 'billing', region: index % 2 ? 'eu-central' : 'us-east' },
  actor: { login: `dev${index % 4}` },
  outcome: index % 7 === 0 ? 'failed' : 'succeeded',
  durationMs: 30_000 + index * 1234,
}))

/** A team's own events with nested paths, type-checked by `defineFields`. */
export const CustomStructure: Story = {
  args: { make: (): AuditLogsAdapter => createMemoryAdapter(deploys), defaultFields: deployFields as AuditField[] },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('40 events')
    await expect(headers(canvasElement)).toEqual(['Deployed UTC', 'Service', 'Region', 'By', 'Outcome', 'Duration'])
    await expect(within(canvasElement).getAllByText('30.0 s')).toHaveLength(1)
  },
}
