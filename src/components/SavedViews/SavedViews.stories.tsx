import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'

import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { SavedView } from '../../core/savedViews'
import { generateAuditEvents } from '../../msw/generateEvents'
import { createAuditLogsHandlers } from '../../msw/handlers'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const events = generateAuditEvents({ count: 400, seed: 31, hostileEvery: 0 })
const API = '/api/audit-logs'

/** A tenant's views: shared ones (one the default) and personal ones, a long name and a hostile one among them. */
const views: SavedView[] = [
  { id: 'failures', name: 'Failed actions', search: { filters: { result: ['failed'] } }, scope: 'shared', isDefault: false },
  {
    id: 'quarterly',
    name: 'Quarterly access review',
    search: { search: 'login', sort: { key: 'createdAt', direction: 'asc' } },
    columns: ['createdAt', 'user.name', 'action', 'result'],
    scope: 'shared',
    isDefault: false,
  },
  {
    id: 'long',
    name: 'Everything the billing integration changed in production since the last incident review',
    search: { search: 'billing' },
    scope: 'personal',
    isDefault: false,
  },
  { id: 'hostile', name: '<img src=x onerror=alert(1)> ‮evil', search: {}, scope: 'personal', isDefault: false },
]

const meta = {
  title: 'Saved views',
  component: AuditLogs,
  args: { adapter: createMemoryAdapter(events, { views }), canConfigure: true, timeZone: 'UTC', locale: 'en-US' },
  parameters: { msw: { handlers: { auditLogs: createAuditLogsHandlers({ baseUrl: API, events, views }) } } },
} satisfies Meta<typeof AuditLogs>

export default meta
type Story = StoryObj<typeof meta>

/** The Views button opens the tenant's views; an admin may rename, delete, share and set the default. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Views' }))
    const page = within(canvasElement.ownerDocument.body)
    await expect(await page.findByRole('button', { name: 'Quarterly access review' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Make default: Failed actions' })).toBeVisible()
    await expect(page.getByRole('checkbox', { name: 'Share with everyone in this account' })).toBeVisible()
  },
}

/** The same, dark. */
export const OpenDark: Story = { ...Open, args: { theme: 'dark' } }

/** A person without configure: shared views to use, their own to change, nothing to share. */
export const WithoutConfigure: Story = {
  args: { canConfigure: false },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Views' }))
    const page = within(canvasElement.ownerDocument.body)
    await page.findByRole('button', { name: 'Failed actions' })
    await expect(page.queryByRole('button', { name: 'Delete Failed actions' })).toBeNull()
    await expect(page.queryByRole('checkbox', { name: /Share/ })).toBeNull()
  },
}

/** Applying a view: its search and its columns. */
export const Applied: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Views' }))
    await userEvent.click(await within(canvasElement.ownerDocument.body).findByRole('button', { name: 'Quarterly access review' }))
    await expect(canvas.getByRole('searchbox', { name: 'Search events' })).toHaveValue('login')
    await expect(canvas.getAllByRole('columnheader')).toHaveLength(4)
  },
}

/** Over HTTP (the fetch adapter's `viewsPath`) through the MSW handlers, each tenant's views kept apart. */
export const OverHttp: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API, viewsPath: '/views' }), tenantId: 'acme' },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Views' }))
    await expect(await within(canvasElement.ownerDocument.body).findByRole('button', { name: 'Failed actions' })).toBeVisible()
  },
}
