import { render, screen } from '@testing-library/react'
import { setupWorker } from 'msw/browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditEvent, AuditSearch } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { createAuditLogsHandlers } from '../../msw/handlers'
import { tabUntil } from '../../../test/support/keyboard'
import { AuditLogs } from '../AuditLogs/AuditLogs'

// Enough events for the row to lie far beyond the first page (50 rows): the rows up to it load on the jump.
const END = Date.parse('2026-06-01T00:00:00Z')
const events = generateAuditEvents({ count: 1_500, seed: 11, end: END, tenants: ['acme'] })
const API = '/api/jump'
const worker = setupWorker(...createAuditLogsHandlers({ baseUrl: API, events }))

beforeAll(async () => {
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
})
afterAll(() => {
  worker.stop()
})

/** The search's events in the list's own order, as the memory adapter gives them. */
async function listed(search: AuditSearch): Promise<AuditEvent[]> {
  const adapter = createMemoryAdapter(events)
  const all: AuditEvent[] = []
  let cursor: string | undefined
  do {
    const page = await adapter.listEvents({ ...search, limit: 1_000, ...(cursor ? { cursor } : {}) }, { signal: new AbortController().signal })
    all.push(...page.events)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return all
}

/** A `datetime-local` value (UTC, the viewer's zone here) a second before an event's time: between two events. */
const justBefore = (event: AuditEvent | undefined): string => new Date(Date.parse(String(event?.createdAt)) - 1_000).toISOString().slice(0, 19)

const box = (): HTMLElement => document.querySelector('.ral-table-scroll') as HTMLElement
/** The first row wholly below the sticky header: the row at the top. */
function topRow(): string | undefined {
  // The header cells are sticky (the head itself scrolls away).
  const headerBottom = (document.querySelector('.ral-table th') as HTMLElement).getBoundingClientRect().bottom
  const rows = [...document.querySelectorAll<HTMLElement>('tr[data-event-id]')]
  return rows.find((row) => row.getBoundingClientRect().top >= headerBottom - 1)?.dataset.eventId
}

async function goTo(value: string): Promise<void> {
  await userEvent.click(await screen.findByRole('button', { name: 'Go to time' }, { timeout: 10_000 }))
  await userEvent.fill(screen.getByLabelText('Date and time'), value)
  await userEvent.click(screen.getByRole('button', { name: 'Go' }))
}

describe('Go to time', () => {
  const adapters: Array<[string, () => AuditLogsAdapter]> = [
    ['the memory adapter', () => createMemoryAdapter(events)],
    ['the REST adapter over MSW', () => createFetchAdapter({ baseUrl: API, histogramPath: '/histogram' })],
  ]
  it.each(adapters)('puts the first event at or before the time at the top through %s, the newer ones above it', async (_name, makeAdapter) => {
    const list = await listed({})
    const target = 700
    render(<AuditLogs adapter={makeAdapter()} timeZone="UTC" locale="en-US" />)
    await screen.findByText('1,500 events')
    // A second after the event below the target: the target is the first at or before it.
    await goTo(justBefore(list[target - 1]))
    const expected = list[target]?.id
    await expect.poll(() => (document.activeElement as HTMLElement | null)?.dataset.eventId, { timeout: 20_000 }).toBe(expected)
    await expect.poll(topRow).toBe(expected)
    expect(document.querySelector('.ral-timeline-jumped')?.textContent).toMatch(/; 700 events newer above\.$/)
    // Nothing hidden: the newer events are above, a key (or a scroll) away.
    await userEvent.keyboard('{ArrowUp}')
    await expect.poll(() => (document.activeElement as HTMLElement | null)?.dataset.eventId).toBe(list[target - 1]?.id)
    box().scrollTop = 0
    await expect.poll(() => document.querySelector('tr[data-event-id]')?.getAttribute('data-event-id'), { timeout: 20_000 }).toBe(list[0]?.id)
  })

  it('in an oldest-first list, puts the first event at or after the time at the top', async () => {
    const search: AuditSearch = { sort: { key: 'createdAt', direction: 'asc' } }
    const list = await listed(search)
    const target = 420
    render(<AuditLogs adapter={createMemoryAdapter(events)} defaultSearch={search} timeZone="UTC" locale="en-US" />)
    await screen.findByText('1,500 events')
    // A second before the target: the target is the first at or after it.
    await goTo(justBefore(list[target]))
    await expect.poll(() => (document.activeElement as HTMLElement | null)?.dataset.eventId, { timeout: 20_000 }).toBe(list[target]?.id)
    await expect.poll(topRow).toBe(list[target]?.id)
  })

  it('works with the keyboard alone: Tab to the button, Enter, type the time, Enter; focus lands on the row', async () => {
    const list = await listed({})
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" />)
    await screen.findByText('1,500 events')
    const button = await screen.findByRole('button', { name: 'Go to time' }, { timeout: 10_000 })
    await tabUntil((element) => element === button)
    await userEvent.keyboard('{Enter}')
    const input = screen.getByLabelText('Date and time')
    await tabUntil((element) => element === input)
    // The segments as Chromium's en-US input orders them: month, day, year, hours, minutes, seconds, AM/PM (a
    // year may have more digits: an arrow moves on from it).
    const at = new Date(Date.parse(String(list[120]?.createdAt)) + 1_000)
    const two = (value: number): string => String(value).padStart(2, '0')
    const hours = at.getUTCHours() % 12 === 0 ? 12 : at.getUTCHours() % 12
    await userEvent.keyboard(
      `${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}${String(at.getUTCFullYear())}{ArrowRight}${two(hours)}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}${at.getUTCHours() < 12 ? 'A' : 'P'}`,
    )
    expect(input).toHaveValue(at.toISOString().slice(0, 19))
    await userEvent.keyboard('{Enter}')
    await expect.poll(() => (document.activeElement as HTMLElement | null)?.dataset.eventId, { timeout: 20_000 }).toBe(list[120]?.id)
  })

  it('says so and moves nothing for a time outside the range or with no event at or before it', async () => {
    const range = { from: '2026-05-20T00:00:00.000Z', to: '2026-05-25T00:00:00.000Z' }
    const list = await listed(range)
    render(<AuditLogs adapter={createMemoryAdapter(events)} defaultSearch={range} timeZone="UTC" locale="en-US" />)
    await screen.findByText(`${String(list.length)} events`)
    await goTo('2026-05-10T12:00:00')
    expect(await screen.findByRole('alert')).toHaveTextContent('That time is outside the searched range')
    // What was typed stays, and so does the list.
    expect(screen.getByLabelText('Date and time')).toHaveValue('2026-05-10T12:00')
    expect(box().scrollTop).toBe(0)
    const oldest = list.at(-1)
    await userEvent.fill(screen.getByLabelText('Date and time'), justBefore(oldest))
    await userEvent.click(screen.getByRole('button', { name: 'Go' }))
    await expect.poll(() => screen.queryByRole('alert')?.textContent).toBe('No events at or before that time.')
    expect(box().scrollTop).toBe(0)
  })

  it('is not offered without the histogram capability, nor for a list sorted by something else than time', async () => {
    const memory = createMemoryAdapter(events)
    const { unmount } = render(<AuditLogs adapter={{ listEvents: (query, options) => memory.listEvents(query, options) }} timeZone="UTC" />)
    await screen.findByText('1,500 events')
    expect(screen.queryByRole('button', { name: 'Go to time' })).toBeNull()
    unmount()
    render(<AuditLogs adapter={memory} defaultSearch={{ sort: { key: 'action', direction: 'asc' } }} timeZone="UTC" />)
    await screen.findByRole('button', { name: 'Timeline' }, { timeout: 10_000 })
    expect(screen.queryByRole('button', { name: 'Go to time' })).toBeNull()
  })
})
