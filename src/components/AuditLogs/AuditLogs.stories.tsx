import type { Meta, StoryObj } from '@storybook/react-vite'
import { delay, http, HttpResponse } from 'msw'
import { expect, waitFor, within } from 'storybook/test'

import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { createAuditLogsHandlers } from '../../msw/handlers'
import {
  API,
  contradictingBackend,
  demoEvents,
  fieldsWithFailingActionFormat,
  fieldsWithMistakes,
  forbiddenEvents,
  LightHostPage,
  PhoneWithPersonalDataHidden,
  searchWithMistakes,
  pageWithUnreadableRows,
  scrollToSecondPage,
  WithMemoryAdapter,
} from '../../../test/support/stories/auditLogs'
import {
  cancelAnExportUnderWay,
  clearTheSearch,
  findNothingToDownload,
  readThePinnedZone,
  retryAfterAFailure,
  sortByTimeThenAction,
} from '../../../test/support/stories/auditLogsPlays'
import { AuditLogs } from './AuditLogs'

const meta = {
  title: 'AuditLogs',
  component: AuditLogs,
  args: { adapter: createMemoryAdapter(demoEvents, { latency: 150 }) },
  parameters: { msw: { handlers: { auditLogs: createAuditLogsHandlers({ baseUrl: API, events: demoEvents, latency: 150 }) } } },
} satisfies Meta<typeof AuditLogs>

export default meta
type Story = StoryObj<typeof meta>

/** The viewer over the in-memory demo log. */
export const MemoryAdapter: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('2,000 events')).toBeVisible()
    const table = canvas.getByRole('table', { name: 'Audit log' })
    await expect(table).toHaveAttribute('aria-rowcount', '2001')
    // Virtual rows: the header and the visible rows plus overscan, not the 50 loaded.
    const rows = within(table).getAllByRole('row')
    await expect(rows.length).toBeGreaterThan(5)
    await expect(rows.length).toBeLessThan(50)
    await expect(rows[1]).toHaveAttribute('aria-rowindex', '2')
  },
}

/**
 * A backend that stops counting at 1,000 (as `react-audit-logs/server` does at its `countLimit`): the count
 * reads "1,000+ events", and "Count all" asks for the exact number (`count=exact`) through the REST client.
 */
export const BoundedCount: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API }), locale: 'en-US' },
  parameters: { msw: { handlers: { auditLogs: createAuditLogsHandlers({ baseUrl: API, events: demoEvents, latency: 150, countLimit: 1000 }) } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('1,000+ events')).toBeVisible()
    await expect(await canvas.findByRole('button', { name: 'Count all' })).toBeVisible()
    await expect(canvas.queryByText('2,000 events')).toBeNull()
  },
}

/** The REST client against the mocked API (MSW): the same log over HTTP, with values, counts and "is not". */
export const FetchAdapter: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API, fieldValuesPath: '/field-values', supportsExclude: true }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('2,000 events')).toBeVisible()
    // Scrolling to the end of the first page loads the second over HTTP.
    await scrollToSecondPage(canvasElement)
  },
}

/** Sorting is done by the adapter; the header says the order. */
export const SortByColumn: Story = {
  play: sortByTimeThenAction,
}

/** While the first page is on its way. */
export const Loading: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API }) },
  parameters: { msw: { handlers: { auditLogs: [http.get(`${API}/events`, () => delay('infinite'))] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByText('Loading events…')).toHaveAttribute('role', 'status')
    await expect(canvas.getByRole('table', { name: 'Audit log' })).toHaveAttribute('aria-busy', 'true')
    // Placeholder rows come once the page is slow to come (300 ms), in the room the empty body held.
    await waitFor(() => expect(canvasElement.querySelectorAll('tr.ral-skeleton')).toHaveLength(8))
  },
}

/** A log with no events yet: said so, and the download is off with the reason. */
export const Empty: Story = {
  render: (args) => <WithMemoryAdapter {...args} events={[]} />,
  play: findNothingToDownload,
}

/** A search that matches nothing: said so, with the action that helps. */
export const NoMatches: Story = {
  args: { defaultSearch: { search: 'no such event anywhere' } },
  play: clearTheSearch,
}

/** An export under way: the control itself is Cancel, filled as far as the rows go (no file is saved). */
export const ExportInProgress: Story = {
  render: (args) => <WithMemoryAdapter {...args} events={demoEvents} options={{ latency: 250 }} csvOptions={{ pageSize: 100 }} />,
  play: cancelAnExportUnderWay,
}

/** The server fails: the error says why and offers Retry. */
export const ServerError: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API }) },
  parameters: { msw: { handlers: { auditLogs: [forbiddenEvents] } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert')
    await expect(alert).toHaveTextContent('You are not signed in, or may not see this (error 403).')
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible()
  },
}

/** The server answers with the wrong shape: one clear error, no half-drawn table. */
export const MalformedResponse: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API }) },
  parameters: { msw: { handlers: { auditLogs: [http.get(`${API}/events`, () => HttpResponse.json({ data: [], total: 0 }))] } } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert')
    await expect(alert).toHaveTextContent('The audit-log service sent an answer that cannot be read.')
  },
}

/** Some rows are not events (null, no time, no id): they show as marked placeholders, the rest as usual. */
export const UnreadableRows: Story = {
  args: { adapter: createFetchAdapter({ baseUrl: API }), timeZone: 'UTC' },
  parameters: { msw: { handlers: { auditLogs: [pageWithUnreadableRows] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('10 events')).toBeVisible()
    await expect(canvas.getAllByText('Unreadable')).toHaveLength(3)
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/**
 * The host passed a field twice, a field without a usable path, a sort and a filter on fields that do not
 * exist and a 100-year range: the viewer runs what it can and says what it changed.
 */
export const CorrectedInput: Story = {
  render: (args) => <WithMemoryAdapter {...args} events={demoEvents} fields={fieldsWithMistakes} defaultSearch={searchWithMistakes} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('2,000 events')).toBeVisible()
    await expect(await canvas.findByText('The field "action" is defined twice; the second one was left out.')).toBeVisible()
    await expect(canvas.getByText('Events cannot be sorted by "nope"; they are sorted newest first instead.')).toBeVisible()
    await expect(canvas.getByText('The date range was longer than 10 years; it now starts 10 years before its end.')).toBeVisible()
  },
}

/** The first request fails; Retry loads the log. */
export const RetryRecovers: Story = {
  render: (args) => <WithMemoryAdapter {...args} events={demoEvents} options={{ latency: 100, fail: (_query, call) => call === 1 }} />,
  play: retryAfterAFailure,
}

/**
 * The host's `format` for Action throws on actions it was not written for: those cells are marked (⚠, with
 * the value as stored) and the rest of the table, and the CSV, carry on.
 */
export const FailingFormat: Story = {
  render: (args) => <WithMemoryAdapter {...args} events={demoEvents} fields={fieldsWithFailingActionFormat} />,
  args: { timeZone: 'UTC', locale: 'en-US' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('2,000 events')).toBeVisible()
    await expect(canvas.getAllByRole('img', { name: /function failed here/ }).length).toBeGreaterThan(0)
    await expect(canvas.queryByRole('alert')).toBeNull()
  },
}

/** `timeZone` without `onTimeZoneChange` pins the zone: the picker shows it, read-only. */
export const PinnedTimeZone: Story = {
  args: { timeZone: 'Asia/Tokyo', locale: 'en-US' },
  play: readThePinnedZone,
}

/**
 * A backend whose answer contradicts itself: two December events under a January search, and a total of
 * 1,000,000 over five events and a last page. The viewer shows the three January events and says what it did
 * not believe.
 */
export const ContradictingBackend: Story = {
  args: {
    adapter: contradictingBackend,
    defaultSearch: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', sort: { key: 'createdAt', direction: 'desc' } },
    timeZone: 'UTC',
    locale: 'en-US',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('3 events')).toBeVisible()
    // The notices' code and words load when there is one to show.
    await expect(await canvas.findByText(/sent 2 events from outside the searched range; they are not shown/)).toBeVisible()
    await expect(canvas.getByText(/counted 1,000,000 matching events but sent 5/)).toBeVisible()
  },
}

/**
 * Sensitive values on a phone: the actor's name and e-mail and the IP address are personal data, hidden at the
 * source; each card shows "Hidden · personal" where its actor would be, never an empty space.
 */
export const HiddenValuesOnPhone: Story = {
  render: () => <PhoneWithPersonalDataHidden />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('200 events')
    await expect(canvasElement.querySelector('.ral-table-scroll')).toHaveClass('ral-cards')
    await expect(canvas.getAllByText('Hidden · personal')[0]).toBeVisible()
    await expect(canvasElement).not.toHaveTextContent(/@example\.com/)
  },
}

/**
 * `theme="auto"` in a light host page: the system's scheme decides, so in a dark system the viewer is a dark
 * box of its own inside the light page, its controls clear of its edge (in a light system it is white on white).
 */
export const AutoThemeInLightHost: Story = {
  render: (args) => (
    <LightHostPage>
      <AuditLogs {...args} theme="auto" />
    </LightHostPage>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('2,000 events')
    const root = canvasElement.querySelector('.ral-root') as HTMLElement
    await expect(getComputedStyle(root).paddingTop).toBe('12px')
  },
}
