import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditEvent } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { chipText } from '../../../test/support/chips'
import { AuditLogs, type AuditLogsProps } from '../AuditLogs/AuditLogs'

const END = Date.UTC(2026, 10, 23, 12)
const events = generateAuditEvents({ count: 2_000, seed: 21, end: END, hostileEvery: 0 })
const countBetween = (from: string, to: string): number =>
  events.filter((event) => Date.parse(event.createdAt) >= Date.parse(from) && Date.parse(event.createdAt) < Date.parse(to)).length

function Viewer({ make, ...props }: Omit<AuditLogsProps, 'adapter'> & { make: () => AuditLogsAdapter }) {
  const [adapter] = useState(make)
  return <AuditLogs {...props} adapter={adapter} />
}

const meta = {
  title: 'Search',
  component: Viewer,
  args: { make: (): AuditLogsAdapter => createMemoryAdapter(events), timeZone: 'UTC', locale: 'en-US' },
} satisfies Meta<typeof Viewer>

export default meta
type Story = StoryObj<typeof meta>

const count = (value: number): RegExp => new RegExp(`^${value.toLocaleString('en-US')} events?$`)

/** Opens the range panel from the command bar's range button (its form loads on first use). */
async function openRange(canvas: { getByRole: typeof screen.getByRole; findByLabelText: typeof screen.findByLabelText }): Promise<void> {
  await userEvent.click(canvas.getByRole('button', { name: /^Date range:/ }))
  await canvas.findByLabelText('From')
}

/** Opens the "+ Filter" panel. */
async function openFilter(canvas: { getByRole: typeof screen.getByRole; findByLabelText: typeof screen.findByLabelText }): Promise<void> {
  await userEvent.click(canvas.getByRole('button', { name: 'Filter' }))
  await canvas.findByLabelText('Filter field')
}

/**
 * From and To dates, then Apply: the range is half-open in the chosen zone, the To day included; the panel
 * closes and the range button says the range.
 */
export const CustomRange: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await openRange(canvas)
    await userEvent.type(canvas.getByLabelText('From'), '2026-11-20')
    await userEvent.type(canvas.getByLabelText('To'), '2026-11-21')
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }))
    await expect(await canvas.findByText(count(countBetween('2026-11-20T00:00:00Z', '2026-11-22T00:00:00Z')))).toBeVisible()
    await expect(canvas.getByRole('button', { name: /^Date range:/ })).toHaveTextContent(
      /^Nov 20 – Nov 21 \(UTC\)$|^Nov 20, 2026 – Nov 21, 2026 \(UTC\)$/,
    )
    await expect(canvas.queryByLabelText('From')).toBeNull()
  },
}

/**
 * A preset, then a typed date: the preset's time of day is cleared, so the range searched is the one the
 * inputs show (from the start of that day), not one that silently starts at the minute the preset was picked.
 */
export const PresetThenTypedDate: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await openRange(canvas)
    await userEvent.click(canvas.getByRole('button', { name: 'Last 7 days' }))
    await expect(canvas.getByRole('button', { name: /^Date range:/ })).toHaveTextContent('Last 7 days')
    await openRange(canvas)
    await expect(canvas.getByLabelText('From time')).not.toHaveValue('')
    await userEvent.clear(canvas.getByLabelText('From'))
    await userEvent.type(canvas.getByLabelText('From'), '2026-11-20')
    await expect(canvas.getByLabelText('From time')).toHaveValue('')
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }))
    await expect(await canvas.findByText(count(countBetween('2026-11-20T00:00:00Z', '2100-01-01T00:00:00Z')))).toBeVisible()
  },
}

/** The same dates in another zone cover other instants. */
export const InAnotherTimeZone: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await openRange(canvas)
    await userEvent.click(canvas.getByRole('button', { name: 'Change the time zone' }))
    await userEvent.selectOptions(canvas.getByLabelText('Time zone'), 'Pacific/Chatham')
    await userEvent.type(canvas.getByLabelText('From'), '2026-11-20')
    await userEvent.type(canvas.getByLabelText('To'), '2026-11-20')
    await userEvent.keyboard('{Enter}')
    await expect(await canvas.findByText(count(countBetween('2026-11-20T00:00:00+13:45', '2026-11-21T00:00:00+13:45')))).toBeVisible()
  },
  args: { timeZone: undefined, defaultTimeZone: 'UTC' },
}

/** A To before From is refused with a message; nothing typed is lost and the list stays. */
export const ToBeforeFrom: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await openRange(canvas)
    await userEvent.type(canvas.getByLabelText('From'), '2026-11-21')
    await userEvent.type(canvas.getByLabelText('To'), '2026-11-20')
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The To date is before the From date.')
    await expect(canvas.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true')
    await expect(canvas.getByLabelText('From')).toHaveValue('2026-11-21')
    await expect(canvas.getByText('2,000 events')).toBeVisible()
  },
}

/** A mistyped year makes a 100-year range: refused with the limit named, nothing typed lost. */
export const HundredYearRange: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await openRange(canvas)
    await userEvent.type(canvas.getByLabelText('From'), '1926-11-20')
    await userEvent.type(canvas.getByLabelText('To'), '2026-11-20')
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('A date range can span at most 10 years.')
    await expect(canvas.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true')
    await expect(canvas.getByLabelText('From')).toHaveValue('1926-11-20')
    await expect(canvas.getByText('2,000 events')).toBeVisible()
  },
}

/** Presets apply at once and close the panel: the last 24 hours of a live log. */
export const Presets: Story = {
  args: { make: () => createMemoryAdapter(generateAuditEvents({ count: 2_000, seed: 22, hostileEvery: 0 })) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await openRange(canvas)
    await userEvent.click(canvas.getByRole('button', { name: 'Last 24 hours' }))
    await waitFor(() => expect(canvas.queryByText('2,000 events')).toBeNull())
    await expect(canvas.getByRole('button', { name: 'Date range: Last 24 hours' })).toBeVisible()
    await openRange(canvas)
    await expect(canvas.getByLabelText('From')).not.toHaveValue('')
    await expect(canvas.getByRole('button', { name: 'Last 24 hours' })).toHaveAttribute('aria-pressed', 'true')
  },
}

/** Free text (after a pause, or at once on Enter), field filters as chips, removed one by one or all at once. */
export const TextAndFilters: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search events' }), 'API key{Enter}')
    const apiKeyEvents = events.filter(
      (event) => JSON.stringify(event).toLowerCase().includes('api') && JSON.stringify(event).toLowerCase().includes('key'),
    )
    await expect(await canvas.findByText(count(apiKeyEvents.length))).toBeVisible()

    await openFilter(canvas)
    await userEvent.selectOptions(canvas.getByLabelText('Filter field'), 'severity')
    await userEvent.type(canvas.getByLabelText('Filter value'), 'High')
    await userEvent.click(canvas.getByRole('button', { name: 'Add filter' }))
    const filters = await canvas.findByRole('list', { name: 'Filters' })
    await expect(within(filters).getByText(chipText('Severity: High'))).toBeVisible()
    await expect(await canvas.findByText(count(apiKeyEvents.filter((event) => event.severity === 'High').length))).toBeVisible()

    await openFilter(canvas)
    await userEvent.selectOptions(canvas.getByLabelText('Filter field'), 'result')
    await userEvent.type(canvas.getByLabelText('Filter value'), 'failed{Enter}')
    await expect(within(filters).getByText(chipText('Result: failed'))).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Remove filter Severity: High' }))
    await expect(within(filters).queryByText(chipText('Severity: High'))).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Clear all filters' }))
    await expect(canvas.queryByRole('list', { name: 'Filters' })).toBeNull()
    await expect(await canvas.findByText(count(apiKeyEvents.length))).toBeVisible()
  },
}

/** An empty filter value is refused with a message. */
export const EmptyFilterValue: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    await openFilter(canvas)
    await userEvent.click(canvas.getByRole('button', { name: 'Add filter' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Enter a value to filter by.')
  },
}

/** A value in the detail drawer becomes a filter in one click. */
export const FilterFromTheDrawer: Story = {
  args: { defaultOpenEventId: (events[0] as AuditEvent).id },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const dialog = await canvas.findByRole('dialog')
    const severity = String((events[0] as AuditEvent).severity)
    await userEvent.click(await within(dialog).findByRole('button', { name: `Filter by Severity: ${severity}` }))
    await expect(await canvas.findByText(chipText(`Severity: ${severity}`))).toBeVisible()
    await expect(await canvas.findByText(count(events.filter((event) => event.severity === severity).length))).toBeVisible()
  },
}

/** Auto-refresh: new events are announced, not pushed into the list; a click shows them. */
export const NewEvents: Story = {
  args: {
    refreshInterval: 300,
    make: () => {
      const live: AuditEvent[] = [...events]
      let added = 0
      return {
        listEvents: (query, options) => {
          if (added < 3) {
            added += 1
            live.push({
              id: `live-${added}`,
              createdAt: new Date(END + added * 60_000).toISOString(),
              action: `Live event ${added}`,
              severity: 'Info',
            })
          }
          return createMemoryAdapter([...live]).listEvents(query, options)
        },
      }
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText(/^2,00\d events$/)
    const notice = await canvas.findByRole('button', { name: /new events? — show/ }, { timeout: 5000 })
    // Announced, not pushed in: the list still shows what was there.
    await expect(canvas.getByText('2,001 events')).toBeVisible()
    await expect(canvas.queryByText('Live event 2')).toBeNull()
    await userEvent.click(notice)
    await expect((await canvas.findAllByText(/^Live event \d$/)).length).toBeGreaterThan(1)
  },
}
