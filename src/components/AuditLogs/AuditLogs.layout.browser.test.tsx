import '../../styles.css'

import { render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditPage } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { AuditLogs } from './AuditLogs'

// The layout a person sees, measured in Chromium with the stylesheet: one line of controls, the first
// event near the top, no silent overflow, and who/what/when on a phone's first screen.
const events = generateAuditEvents({ count: 300, seed: 7, end: Date.UTC(2026, 10, 23, 12) })

const viewer = (timeline = true) => (
  <div style={{ padding: 16 }}>
    <AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" canConfigure timeline={timeline} />
  </div>
)

const box = (element: Element): DOMRect => element.getBoundingClientRect()

afterEach(async () => {
  await page.viewport(1280, 800)
})

describe('AuditLogs layout', () => {
  it.each([
    ['without', 160, false],
    ['with', 240, true],
  ])(
    'at 1280×800 %s the timeline shows its controls on one line, the first event within %i px of its top, and no hidden columns',
    async (_with, firstRowTop, timeline) => {
      await page.viewport(1280, 800)
      render(viewer(timeline))
      await screen.findByText('300 events')
      if (timeline) await screen.findByRole('listbox', { name: /^Timeline/ }, { timeout: 10_000 })
      const root = document.querySelector('.ral-root') as HTMLElement
      const controls = [
        screen.getByRole('searchbox', { name: 'Search events' }),
        screen.getByRole('button', { name: 'Filter' }),
        screen.getByRole('button', { name: /^Date range:/ }),
        screen.getByRole('button', { name: 'Download CSV' }),
        screen.getByRole('button', { name: 'Data structure' }),
      ]
      const tops = controls.map((control) => box(control).top)
      const heights = controls.map((control) => box(control).height)
      // One line: every control starts at the same height and is as tall as the others.
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1)
      expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1)
      const firstRow = within(screen.getByRole('table')).getAllByRole('row')[1] as HTMLElement
      expect(box(firstRow).top - box(root).top).toBeLessThanOrEqual(firstRowTop)
      // Every column fits: nothing is cut off at the table's edge without a way to see it.
      const scroller = root.querySelector('.ral-table-scroll') as HTMLElement
      expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth)
    },
  )

  it('in a box narrower than its columns scrolls sideways and shows a shadow on the side that has more', async () => {
    await page.viewport(700, 800)
    render(viewer())
    await screen.findByText('300 events')
    const scroller = document.querySelector('.ral-table-scroll') as HTMLElement
    expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth)
    // The edge shadows are backgrounds that stay put while covers scroll with the content.
    const attachments = getComputedStyle(scroller).backgroundAttachment
    expect(attachments).toBe('local, local, scroll, scroll')
  })

  it('at 390×844 shows who, what, when and severity of the first events as cards on the first screen', async () => {
    await page.viewport(390, 844)
    render(viewer())
    await screen.findByText('300 events')
    const rows = within(screen.getByRole('table')).getAllByRole('row')
    const first = events[0] as (typeof events)[number]
    const card = rows.find((row) => row.getAttribute('data-event-id') === first.id) as HTMLElement
    const shown = (role: string): HTMLElement => card.querySelector(`[data-card="${role}"]`) as HTMLElement
    for (const role of ['who', 'what', 'when', 'severity']) {
      const rect = box(shown(role))
      // Drawn, inside the screen, and not cut by the card.
      expect([role, rect.width > 0 && rect.bottom <= 844 && rect.right <= 390]).toEqual([role, true])
    }
    expect(shown('who').textContent).toContain(first.user.name)
    expect(shown('what').textContent).toBe(first.action)
    // A card has no header: its time says the zone.
    expect(getComputedStyle(shown('when'), '::after').content).toBe('" UTC"')
    // The other columns are in the drawer, not squeezed into the card.
    expect([...card.querySelectorAll('td')].filter((cell) => box(cell).width > 0)).toHaveLength(4)
    // Nothing scrolls sideways on a phone.
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390)
  })

  it('at 390×844 draws a slow first page as cards to come: a bar where who, what, when and severity will be', async () => {
    await page.viewport(390, 844)
    const slow: AuditLogsAdapter = { listEvents: () => new Promise<AuditPage>(() => undefined) }
    render(
      <div style={{ padding: 16 }}>
        <AuditLogs adapter={slow} timeZone="UTC" locale="en-US" />
      </div>,
    )
    await expect.poll(() => document.querySelectorAll('tr.ral-skeleton').length, { timeout: 3000 }).toBe(8)
    const card = document.querySelector('tr.ral-skeleton') as HTMLElement
    const bars = [...card.querySelectorAll('.ral-skeleton-bar')].filter((bar) => box(bar).width > 0)
    expect(bars.map((bar) => bar.closest('td')?.dataset.card).sort()).toEqual(['severity', 'what', 'when', 'who'])
    expect(box(card).height).toBeCloseTo(72, 0)
  })

  it('says the zone once, in the time header, and shows compact times in the cells', async () => {
    await page.viewport(1280, 800)
    render(viewer())
    await screen.findByText('300 events')
    expect(screen.getByRole('columnheader', { name: /^Time UTC/ })).toBeInTheDocument()
    // What a cell shows (screen readers also hear the exact time, with its zone).
    await expect.poll(() => document.querySelector('tbody .ral-time-relative')?.textContent).toBeTruthy()
    const time = document.querySelector('tbody time') as HTMLElement
    expect(time.querySelector('.ral-time-relative')?.textContent).not.toContain('UTC')
    expect(time.title).toMatch(/UTC\n\d{4}-\d\d-\d\dT/)
  })
})
