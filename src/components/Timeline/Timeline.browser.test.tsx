import { render, screen, within } from '@testing-library/react'
import { setupWorker } from 'msw/browser'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createFetchAdapter } from '../../adapter/fetchAdapter'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditSearch } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { createAuditLogsHandlers } from '../../msw/handlers'
import { tabUntil } from '../../../test/support/keyboard'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const END = Date.parse('2026-06-01T00:00:00Z')
const events = generateAuditEvents({ count: 400, seed: 5, end: END, tenants: ['acme'] })
const worker = setupWorker(...createAuditLogsHandlers({ baseUrl: '/api/timeline', events }))

beforeAll(async () => {
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
})
afterAll(() => {
  worker.stop()
})
afterEach(() => {
  localStorage.removeItem('react-audit-logs:timeline')
})

const bars = async (): Promise<HTMLElement[]> =>
  within(await screen.findByRole('listbox', { name: /^Timeline/ }, { timeout: 10_000 })).getAllByRole('option')
/** Every event the timeline counts: its bars and the counts before and after them. */
const timelineSum = (): number =>
  [...document.querySelectorAll('.ral-timeline [data-count]')].reduce((sum, element) => sum + Number(element.getAttribute('data-count')), 0)
const totalOf = async (adapter: AuditLogsAdapter, search: AuditSearch): Promise<number | undefined> =>
  (await adapter.listEvents({ ...search, limit: 1 }, { signal: new AbortController().signal })).total

describe('the timeline', () => {
  const searches: AuditSearch[] = [{}, { filters: { result: ['failed'] } }, { from: '2026-05-20T00:00:00Z', search: 'a' }]
  const adapters: Array<[string, () => AuditLogsAdapter]> = [
    ['the memory adapter', () => createMemoryAdapter(events)],
    ['the REST adapter over MSW', () => createFetchAdapter({ baseUrl: '/api/timeline', histogramPath: '/histogram' })],
  ]
  it.each(adapters)("adds up to the list's total for the same search through %s", async (_name, makeAdapter) => {
    for (const search of searches) {
      const adapter = makeAdapter()
      const total = await totalOf(createMemoryAdapter(events), search)
      const { unmount } = render(<AuditLogs adapter={adapter} defaultSearch={search} timeZone="UTC" locale="en-US" />)
      await screen.findByText(`${String(total)} events`)
      expect((await bars()).length).toBeGreaterThan(5)
      await expect.poll(timelineSum).toBe(total)
      unmount()
    }
  })

  it('sets [from, to) exactly on bar edges when dragged across, in Europe/Prague on the spring DST day', async () => {
    const onSearchChange = vi.fn<(search: AuditSearch) => void>()
    // Three days around the change: bars of 3 hours, each starting on the wall clock's 00, 03, 06…
    const days = { from: '2026-03-28T00:00:00.000+01:00', to: '2026-03-31T00:00:00.000+02:00' }
    const dayEvents = generateAuditEvents({ count: 300, seed: 9, end: Date.parse(days.to), spanDays: 3 })
    render(
      <AuditLogs
        adapter={createMemoryAdapter(dayEvents)}
        defaultSearch={days}
        onSearchChange={onSearchChange}
        timeZone="Europe/Prague"
        locale="en-GB"
      />,
    )
    const all = await bars()
    const at = (start: string): HTMLElement | undefined => all.find((bar) => bar.dataset.start === start)
    // The clock skips 02:00–03:00: the night's bar lasts two hours, and the next starts at 03:00 summer time.
    const night = at('2026-03-29T00:00:00.000+01:00')
    const morning = at('2026-03-29T03:00:00.000+02:00')
    expect(night?.dataset.end).toBe('2026-03-29T03:00:00.000+02:00')
    expect(morning?.dataset.end).toBe('2026-03-29T06:00:00.000+02:00')
    await userEvent.dragAndDrop(night as HTMLElement, morning as HTMLElement)
    expect(onSearchChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ from: '2026-03-29T00:00:00.000+01:00', to: '2026-03-29T06:00:00.000+02:00' }),
    )
  })

  it('picks a range with the keyboard alone: Tab, arrows, Shift+arrows, Enter', async () => {
    const onSearchChange = vi.fn<(search: AuditSearch) => void>()
    render(<AuditLogs adapter={createMemoryAdapter(events)} onSearchChange={onSearchChange} timeZone="UTC" locale="en-US" />)
    const all = await bars()
    const listbox = screen.getByRole('listbox', { name: /^Timeline/ })
    await tabUntil((element) => element === listbox)
    await userEvent.keyboard('{End}{ArrowLeft}{Shift>}{ArrowLeft}{ArrowLeft}{/Shift}')
    const last = all.length - 2
    expect(listbox.querySelectorAll('[aria-selected="true"]')).toHaveLength(3)
    expect(listbox).toHaveAttribute('aria-activedescendant', all[last - 2]?.id)
    // Read before Enter: the bars are drawn anew for the new range.
    const [from, to] = [all[last - 2]?.dataset.start, all[last]?.dataset.end]
    await userEvent.keyboard('{Enter}')
    expect(onSearchChange).toHaveBeenLastCalledWith(expect.objectContaining({ from, to }))
    // The bars of the new range keep the keyboard where it was.
    await expect.poll(() => document.activeElement).toBe(screen.getByRole('listbox', { name: /^Timeline/ }))
  })

  it('zooms to a bar on a click, and shows the bar and its counts on hover', async () => {
    window.history.pushState({ page: 'before the viewer' }, '')
    const onSearchChange = vi.fn<(search: AuditSearch) => void>()
    render(<AuditLogs adapter={createMemoryAdapter(events)} onSearchChange={onSearchChange} timeZone="UTC" locale="en-US" />)
    const bar = (await bars()).findLast((candidate) => candidate.dataset.count !== '0') as HTMLElement
    await userEvent.hover(bar)
    expect(document.querySelector('.ral-timeline-tip')?.textContent).toBe(bar.getAttribute('aria-label'))
    expect(bar.getAttribute('aria-label')).toMatch(/: \d+ events? \((failed|success) \d+/)
    const { start, end } = bar.dataset
    await userEvent.click(bar)
    expect(onSearchChange).toHaveBeenLastCalledWith(expect.objectContaining({ from: start, to: end }))
    // A zoom is a step of history: Back zooms out again.
    window.history.back()
    await expect.poll(() => onSearchChange.mock.lastCall?.[0]).toEqual({ sort: { key: 'createdAt', direction: 'desc' } })
  })

  it('is not shown without the capability or with timeline={false}; its closed state is remembered', async () => {
    const memory = createMemoryAdapter(events)
    const { unmount } = render(<AuditLogs adapter={{ listEvents: (query, options) => memory.listEvents(query, options) }} timeZone="UTC" />)
    await screen.findByText('400 events')
    expect(document.querySelector('.ral-timeline')).toBeNull()
    unmount()
    const second = render(<AuditLogs adapter={createMemoryAdapter(events)} timeline={false} timeZone="UTC" />)
    await screen.findByText('400 events')
    expect(document.querySelector('.ral-timeline')).toBeNull()
    second.unmount()
    const third = render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" />)
    await bars()
    await userEvent.click(screen.getByRole('button', { name: 'Timeline' }))
    expect(screen.queryByRole('listbox')).toBeNull()
    third.unmount()
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" />)
    expect(await screen.findByRole('button', { name: 'Timeline' }, { timeout: 10_000 })).toHaveAttribute('aria-expanded', 'false')
  })
})
