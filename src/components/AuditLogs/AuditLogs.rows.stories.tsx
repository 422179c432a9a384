import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, waitFor, within } from 'storybook/test'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { defaultFields } from '../../core/fields'
import type { AuditEvent } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { AuditLogs, type AuditLogsProps } from './AuditLogs'
import './AuditLogs.rows.stories.css'

const BILLING_KEY = { keyId: 'key_live_7Hq2', name: 'Billing export key', action: 'Invoice downloaded', module: 'billing', resource: 'Billing' }
const SCIM_KEY = { keyId: 'key_live_Zp91', name: 'SCIM provisioning key', action: 'User invited', module: 'users', resource: 'Users' }
const SESSIONS = { action: 'Session expired', module: 'auth', resource: 'Portal' }
const RENEWALS = { action: 'Subscription renewed', module: 'billing', resource: 'Billing' }

/**
 * A product's log over three weeks: eight events a day, most by people, some by API keys (an export job, SCIM
 * provisioning) and some by the product itself (sessions expiring, renewals).
 */
const rowEvents: AuditEvent[] = generateAuditEvents({ count: 170, seed: 33, spanDays: 21, hostileEvery: 0 }).map((event, index) => {
  const person = { ...event.user, type: 'user' }
  if (index % 7 === 3) {
    const { keyId, name, ...activity } = index % 2 === 0 ? BILLING_KEY : SCIM_KEY
    return { ...event, ...activity, severity: 'Info', result: 'success', user: { id: keyId, name, type: 'api_key' } }
  }
  if (index % 9 === 5) {
    const job = index % 2 === 0 ? SESSIONS : RENEWALS
    return { ...event, ...job, severity: 'Info', result: 'success', user: { id: 'system', name: 'System', type: 'system' } }
  }
  return { ...event, user: person }
})

function Viewer(props: Omit<AuditLogsProps, 'adapter'>) {
  const [adapter] = useState(() => createMemoryAdapter(rowEvents, { latency: 120 }))
  return <AuditLogs timeline={false} {...props} adapter={adapter} />
}

const meta = {
  title: 'AuditLogs/Rows',
  component: Viewer,
  args: {},
} satisfies Meta<typeof Viewer>

export default meta
type Story = StoryObj<typeof meta>

/**
 * Times read as "3 minutes ago" or "Yesterday 14:02" (the exact time on hover and on focus), a day's first row
 * carries its day ("Yesterday", "Fri, Dec 4"), and each actor has a mark: initials for a person, a key for an API
 * key, a rack for the system.
 */
export const DaysAndActors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('170 events')
    await expect((await canvas.findAllByRole('img', { name: 'API key' }))[0]).toBeVisible()
    await expect(canvasElement.querySelector('.ral-day-label')).not.toBeNull()
    await expect(canvasElement.querySelector('.ral-time-relative')).not.toBeNull()
  },
}

/** A host that prefers dates and times to "3 minutes ago": `times="absolute"`. */
export const AbsoluteTimes: Story = {
  args: { times: 'absolute' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('170 events')
    await canvas.findAllByRole('img', { name: 'API key' })
    await expect(canvasElement.querySelector('.ral-time-relative')).toBeNull()
  },
}

/** Phone cards: the day's label on a day's first card, the actor's mark before the name. */
export const OnPhone: Story = {
  render: (args) => (
    <div style={{ maxWidth: 390 }}>
      <Viewer {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('170 events')
    await expect(canvasElement.querySelector('.ral-table-scroll')).toHaveClass('ral-cards')
    await expect((await canvas.findAllByRole('img', { name: 'API key' }))[0]).toBeVisible()
  },
}

/**
 * A viewer its host gives a height (a dashboard panel; here the frame's): the table takes what the bar leaves,
 * in whole rows, never below `--ral-table-min-height`.
 */
export const FillsItsPanel: Story = {
  args: { defaultFields: defaultFields.map((field) => (field.key === 'ip' ? { ...field, shown: true } : field)), timeline: true },
  render: (args) => (
    <div style={{ height: 'calc(100vh - 2rem)', display: 'flex', flexDirection: 'column' }}>
      <Viewer {...args} className="story-fill" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('170 events')
    // The rows' extras (which fill the height) load after the first rows.
    await waitFor(() => expect(canvasElement.querySelector('.ral-table-scroll')).toHaveAttribute('data-fill'), { timeout: 10_000 })
  },
}
