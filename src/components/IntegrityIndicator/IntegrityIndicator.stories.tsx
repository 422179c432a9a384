import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'

import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { chainEvents } from '../../core/integrityChain'
import { toEpochMs } from '../../core/time'
import { generateAuditEvents, type GeneratedAuditEvent } from '../../msw/generateEvents'
import { createAuditLogsHandlers } from '../../msw/handlers'
import { AuditLogs } from '../AuditLogs/AuditLogs'

/** The log as it was stored: oldest first, each chained to the one before (what the server keeps). */
const stored = generateAuditEvents({ count: 600, seed: 28, hostileEvery: 0 }).sort(
  (a, b) => (toEpochMs(a.createdAt) ?? 0) - (toEpochMs(b.createdAt) ?? 0),
)
const chain = chainEvents(stored)
/** The third newest event, edited afterwards in the database: who did it now reads as someone else. */
const alteredEvent = stored[stored.length - 3] as GeneratedAuditEvent
const tampered = stored.map((event) =>
  event === alteredEvent ? { ...event, user: { ...event.user, email: 'someone.else@example.com', name: 'Someone Else' } } : event,
)
const API = '/api/audit-logs'

const meta = {
  title: 'Integrity',
  component: AuditLogs,
  args: { adapter: createMemoryAdapter(stored, { chain }) },
  parameters: { msw: { handlers: { auditLogs: createAuditLogsHandlers({ baseUrl: API, events: tampered, chain }) } } },
} satisfies Meta<typeof AuditLogs>

export default meta
type Story = StoryObj<typeof meta>

/** A log whose hash chain holds: one quiet line above the table. */
export const Verified: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText(/^Verified through .* · 600 events$/)).toBeVisible()
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** An event was changed in the database after it was stored: an alarm names it. */
export const Altered: Story = {
  args: { adapter: createMemoryAdapter(tampered, { chain }) },
  play: async ({ canvasElement }) => {
    const alarm = await within(canvasElement).findByRole('alert')
    await expect(alarm).toHaveTextContent(`This audit log was altered Event "${alteredEvent.id}" was changed after it was recorded.`)
  },
}

/** The alarm's button opens the altered event: the drawer says so first, then its sequence and hash. */
export const AlteredEventOpened: Story = {
  args: { adapter: createMemoryAdapter(tampered, { chain }) },
  play: async ({ canvasElement }) => {
    const alarm = await within(canvasElement).findByRole('alert')
    await userEvent.click(within(alarm).getByRole('button', { name: 'Open the event' }))
    const drawer = await within(canvasElement.ownerDocument.body).findByRole('dialog')
    await expect(await within(drawer).findByRole('alert')).toHaveTextContent('Altered. Changed, moved or signed falsely after it was recorded.')
  },
}

/** The same alarm over HTTP: the fetch adapter's `integrityPath` against the mocked server. */
export const AlteredOverHttp: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API, integrityPath: '/integrity' }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(alteredEvent.id)
  },
}

/** An adapter without `verifyIntegrity` shows nothing about integrity. */
export const WithoutIntegrity: Story = {
  args: { adapter: createMemoryAdapter(stored) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('600 events')
    await expect(canvasElement.querySelector('.ral-integrity')).toBeNull()
  },
}
