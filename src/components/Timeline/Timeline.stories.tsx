import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'

import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { generateAuditEvents } from '../../msw/generateEvents'
import { createAuditLogsHandlers } from '../../msw/handlers'
import { AuditLogs } from '../AuditLogs/AuditLogs'

/** Two thousand seeded events over 30 days up to a fixed day, so the bars look the same on every visit. */
const END = Date.parse('2026-03-31T00:00:00+02:00')
const events = generateAuditEvents({ count: 2_000, seed: 42, end: END, hostileEvery: 0 })
const API = '/api/timeline'
const lastDays = { from: '2026-03-01T00:00:00.000+01:00', to: '2026-03-31T00:00:00.000+02:00' }

const meta = {
  title: 'AuditLogs/Timeline',
  component: AuditLogs,
  args: { adapter: createMemoryAdapter(events), defaultSearch: lastDays, timeZone: 'Europe/Prague', locale: 'en-GB' },
  parameters: { msw: { handlers: { auditLogs: createAuditLogsHandlers({ baseUrl: API, events }) } } },
  // Every story starts with the timeline open, whatever a story before it left remembered (a runner may not
  // call a story's cleanup).
  beforeEach: () => {
    localStorage.removeItem('react-audit-logs:timeline')
  },
} satisfies Meta<typeof AuditLogs>

export default meta
type Story = StoryObj<typeof meta>

/** A month of events above the table, split by result: failures hatched. Keys pick a week: End, Shift+Left ×6, Enter. */
export const Timeline: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const bars = await canvas.findByRole('listbox', { name: /^Timeline/ }, { timeout: 10_000 })
    await expect(within(bars).getAllByRole('option').length).toBeGreaterThan(20)
    bars.focus()
    await userEvent.keyboard('{End}{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}')
    await expect(bars.querySelectorAll('[aria-selected="true"]')).toHaveLength(3)
  },
}

/** The day the clock springs forward in Prague: the night's bar spans 00:00–03:00, two hours. */
export const DstDay: Story = {
  args: { defaultSearch: { from: '2026-03-29T00:00:00.000+01:00', to: '2026-03-30T00:00:00.000+02:00' } },
  play: async ({ canvasElement }) => {
    const bars = await within(canvasElement).findByRole('listbox', { name: /^Timeline/ }, { timeout: 10_000 })
    await waitFor(() => expect(bars.querySelector('[data-start="2026-03-29T03:00:00.000+02:00"]')).not.toBeNull())
  },
}

/** The REST contract over MSW: the histogram comes from `GET /histogram`, checked like any answer. */
export const OverRest: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API, histogramPath: '/histogram' }) },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('listbox', { name: /^Timeline/ }, { timeout: 10_000 })
  },
}

/** Closed, the timeline is one line: its button. The browser remembers it closed until this story ends. */
export const Closed: Story = {
  beforeEach: () => () => {
    localStorage.removeItem('react-audit-logs:timeline')
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const toggle = await canvas.findByRole('button', { name: 'Timeline' }, { timeout: 10_000 })
    if (toggle.getAttribute('aria-expanded') === 'true') await userEvent.click(toggle)
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  },
}

/**
 * "Go to time" beside the timeline's button: noon on March 15 in Prague. The table starts at the first event at
 * or before it, focused; the newer events stay above it, a scroll (or Up arrow) away.
 */
export const GoToTime: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Go to time' }, { timeout: 10_000 }))
    // The panel is in the top layer, outside the story's canvas.
    const page = within(canvasElement.ownerDocument.body)
    const input = page.getByLabelText('Date and time')
    await userEvent.type(input, '2026-03-15T12:00:00')
    await userEvent.click(page.getByRole('button', { name: 'Go' }))
    await waitFor(() => expect(canvasElement.querySelector('.ral-timeline-jumped')?.textContent).toMatch(/newer above/), { timeout: 10_000 })
    await waitFor(() => expect(canvasElement.ownerDocument.activeElement?.closest('tr[data-event-id]')).not.toBeNull())
  },
}
