import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditEvent } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { AuditLogs, type AuditLogsProps } from '../AuditLogs/AuditLogs'

const events = generateAuditEvents({ count: 2_000, seed: 11, end: Date.UTC(2026, 10, 23, 12), hostileEvery: 0 })

/** The viewer over an adapter made once per mount; the language's args (Storybook's German) pass through. */
function Viewer({ make, locale = 'en-US', messages }: { make: () => AuditLogsAdapter } & Pick<AuditLogsProps, 'locale' | 'messages'>) {
  const [adapter] = useState(make)
  return <AuditLogs adapter={adapter} timeZone="UTC" locale={locale} {...(messages ? { messages } : {})} />
}

const meta = {
  title: 'DownloadCsvButton',
  component: Viewer,
  args: { make: (): AuditLogsAdapter => createMemoryAdapter(events) },
} satisfies Meta<typeof Viewer>

export default meta
type Story = StoryObj<typeof meta>

/** Every matching event, paged through the adapter: the status says how many rows the file holds. */
export const ExportEverything: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await userEvent.click(canvas.getByRole('button', { name: 'Download CSV' }))
    await expect(await canvas.findByText(/^Downloaded 2,000 events to audit-logs_start_\d{4}-\d{2}-\d{2}\.csv\.$/)).toBeVisible()
  },
}

/** The menu beside Download: the rows to download, chosen from the keyboard (ArrowDown opens it). */
export const ChooseRows: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    canvas.getByRole('button', { name: 'Rows to download' }).focus()
    await userEvent.keyboard('{ArrowDown}')
    const loaded = await canvas.findByRole('menuitem', { name: /^Loaded rows only \((\d+)\)$/ })
    await waitFor(() => expect(canvas.getAllByRole('menuitem')[0]).toHaveFocus())
    await userEvent.keyboard('{ArrowDown}')
    await expect(loaded).toHaveFocus()
    const count = /\(([\d,]+)\)/.exec(loaded.textContent)?.[1] ?? ''
    await userEvent.keyboard('{Enter}')
    await expect(await canvas.findByText(new RegExp(`^Downloaded ${count} events`))).toBeVisible()
  },
}

/** The menu open, as a person sees it before choosing. */
export const MenuOpen: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await userEvent.click(canvas.getByRole('button', { name: 'Rows to download' }))
    await expect(await canvas.findByRole('menuitem', { name: 'All matching events' })).toBeVisible()
  },
}

/**
 * A backend that takes 400 ms a page: click Download and the control is Cancel, counting the rows and filled
 * as far as they go, in its own place (the screenshots of a running export are taken here).
 */
export const SlowBackend: Story = {
  args: { make: () => createMemoryAdapter(events, { latency: 400 }) },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.ral-split-main')).not.toBeNull()
  },
}

/** Page 3 of the export fails: an error, no file, and Retry that succeeds. */
export const FailureOnPage3: Story = {
  args: {
    // Call 1 loads the table; calls 2, 3 and 4 are the export's pages 1, 2 and 3.
    make: () => createMemoryAdapter(events, { fail: (_query, call) => call === 4 }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await userEvent.click(canvas.getByRole('button', { name: 'Download CSV' }))
    const alert = await canvas.findByRole('alert')
    await expect(alert).toHaveTextContent('The export failed. Something went wrong. No file was saved.')
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    await expect(await canvas.findByText(/^Downloaded 2,000 events/)).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** A slow backend: the control becomes Cancel and counts the rows up; Cancel stops at once without a file. */
export const Cancel: Story = {
  args: { make: () => createMemoryAdapter(events, { latency: 400 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await userEvent.click(canvas.getByRole('button', { name: 'Download CSV' }))
    await expect(await canvas.findByText(/^Exporting…/)).toBeInTheDocument()
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }))
    await expect(await canvas.findByText('Export cancelled. No file was saved.')).toBeVisible()
  },
}

const longEvent: AuditEvent = {
  id: 'evt_long',
  createdAt: '2026-11-23T10:00:00.000Z',
  action: 'Report exported',
  payload: { body: 'Quarterly access review notes. '.repeat(1_300) },
}

/** A cell longer than Excel allows is cut with a marker, and the status says so. */
export const CellTooLongForExcel: Story = {
  args: { make: () => createMemoryAdapter([longEvent, ...events.slice(0, 9)]) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('10 events')
    await userEvent.click(canvas.getByRole('button', { name: 'Download CSV' }))
    await expect(await canvas.findByText(/1 cell was longer than Excel's 32,767-character limit/)).toBeVisible()
  },
}
