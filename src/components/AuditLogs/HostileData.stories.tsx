import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'

import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { generateAuditEvents } from '../../msw/generateEvents'
import { createAuditLogsHandlers } from '../../msw/handlers'
import { hostileStrings } from '../../msw/hostileStrings'
import { AuditLogs } from './AuditLogs'

/**
 * The demo log with an attacker's strings mixed in (every 25th event: a name, a title or a resource holding
 * markup, a script URL, a spreadsheet formula, bidirectional controls): over memory and over HTTP, they show
 * as text and run nothing. The other stories show a clean log, as a customer's would look.
 */
const hostileEvents = generateAuditEvents({ count: 2_000, seed: 42, hostileEvery: 25 })
const API = '/api/audit-logs'

const meta = {
  title: 'AuditLogs/Hostile data',
  component: AuditLogs,
  args: { adapter: createMemoryAdapter(hostileEvents, { latency: 150 }), timeZone: 'UTC' },
  parameters: { msw: { handlers: { auditLogs: createAuditLogsHandlers({ baseUrl: API, events: hostileEvents, latency: 150 }) } } },
} satisfies Meta<typeof AuditLogs>

export default meta
type Story = StoryObj<typeof meta>

/** Finds the events holding markup and checks it is shown as text and ran nothing. */
async function markupStaysText(canvasElement: HTMLElement): Promise<void> {
  const canvas = within(canvasElement)
  await expect(await canvas.findByText('2,000 events')).toBeVisible()
  await userEvent.type(canvas.getByRole('searchbox', { name: 'Search events' }), 'onerror{Enter}')
  await expect(await canvas.findByText(/^\d+ events?$/)).not.toHaveTextContent('2,000 events')
  await expect(canvasElement).toHaveTextContent(hostileStrings[1])
  await expect(canvasElement.querySelector('.ral-table img, .ral-table svg[onload], .ral-table script')).toBeNull()
  await expect((window as { __auditLogsXss?: unknown }).__auditLogsXss).toBeUndefined()
}

/** Hostile strings in the in-memory log. */
export const MemoryAdapter: Story = {
  play: async ({ canvasElement }) => markupStaysText(canvasElement),
}

/** Hostile strings in the in-memory log, left as they load (no search played): to look at, and to download. */
export const ToDownload: Story = {}

/** Hostile strings over HTTP (the mocked REST API): the same, through the fetch adapter's checks. */
export const FetchAdapter: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API, fieldValuesPath: '/field-values', supportsExclude: true }) },
  play: async ({ canvasElement }) => markupStaysText(canvasElement),
}
