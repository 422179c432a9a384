import '../../styles.css'

import { render, screen, within } from '@testing-library/react'
import axe from 'axe-core'
import type { CSSProperties } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { germanMessages } from '../../core/messages.de'
import { makeEvent } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

// Monday, 7 December 2026, 13:30 UTC: the clock every relative time here is read from.
const NOW = Date.parse('2026-12-07T13:30:00Z')
const ago = (ms: number): string => new Date(NOW - ms).toISOString()
const MINUTE = 60_000
const HOUR = 60 * MINUTE

const FIELDS = [
  { key: 'createdAt', label: 'Time', type: 'datetime' as const },
  { key: 'action', label: 'Action' },
  { key: 'user.name', label: 'User' },
]

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))
const rowOf = (id: string): HTMLElement => document.querySelector(`tr[data-event-id="${id}"]`) as HTMLElement
const timeCell = (id: string): HTMLElement => rowOf(id).querySelector('td') as HTMLElement

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('relative times', () => {
  const events = [
    makeEvent('min', ago(3 * MINUTE), { action: 'Login' }),
    makeEvent('hours', ago(2 * HOUR), { action: 'Logout' }),
    makeEvent('yesterday', '2026-12-06T14:02:00Z', { action: 'Role assigned' }),
  ]

  it('say how long ago, with the exact time on hover, for screen readers and on keyboard focus', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} defaultFields={FIELDS} timeZone="UTC" locale="en-GB" timeline={false} />)
    await screen.findByText('3 minutes ago')
    expect(timeCell('hours')).toHaveTextContent('2 hours ago')
    expect(timeCell('yesterday').querySelector('.ral-time-relative')).toHaveTextContent('Yesterday 14:02')
    const time = timeCell('min').querySelector('time') as HTMLElement
    expect(time).toHaveAttribute('title', '7 Dec 2026, 13:27:00 UTC\n2026-12-07T13:27:00.000Z')
    expect(time).toHaveAttribute('dateTime', '2026-12-07T13:27:00.000Z')
    // The exact time is read after the relative one, and shows in its place while the row has the focus.
    expect(time.textContent).toBe('3 minutes ago, 7 Dec 2026, 13:27:00 UTC')
    const exact = time.querySelector('.ral-time-exact') as HTMLElement
    expect(exact.getBoundingClientRect().width).toBeLessThanOrEqual(1)
    await userEvent.click(screen.getByRole('searchbox'))
    await userEvent.keyboard('{Tab}')
    for (let frames = 0; document.activeElement?.tagName !== 'TR' && frames < 20; frames += 1) await userEvent.keyboard('{Tab}')
    const focused = document.activeElement as HTMLElement
    expect(focused.dataset.eventId).toBe('min')
    expect(exact.getBoundingClientRect().width).toBeGreaterThan(50)
    expect(getComputedStyle(time.querySelector('.ral-time-relative') as Element).display).toBe('none')
    // Digits of one width: the column does not jitter.
    expect(getComputedStyle(time).fontVariantNumeric).toBe('tabular-nums')
  })

  it('follow the clock without a new search', async () => {
    vi.useRealTimers()
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    vi.setSystemTime(NOW)
    render(<AuditLogs adapter={createMemoryAdapter(events)} defaultFields={FIELDS} timeZone="UTC" locale="en-GB" timeline={false} />)
    await screen.findByText('3 minutes ago')
    vi.setSystemTime(NOW + 2 * MINUTE)
    vi.advanceTimersByTime(15_000)
    await screen.findByText('5 minutes ago')
  })

  it('read in German', async () => {
    render(
      <AuditLogs
        adapter={createMemoryAdapter(events)}
        defaultFields={FIELDS}
        timeZone="Europe/Berlin"
        locale="de-DE"
        messages={germanMessages}
        timeline={false}
      />,
    )
    await screen.findByText('vor 3 Minuten')
    expect(timeCell('yesterday').querySelector('.ral-time-relative')).toHaveTextContent('Gestern 15:02')
  })

  it('are dates and times for a host that asks for them', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} defaultFields={FIELDS} timeZone="UTC" locale="en-GB" timeline={false} times="absolute" />)
    await screen.findByText('3 events')
    // The actor marks load with the relative times: once they show, times would have too.
    await screen.findAllByRole('img', { name: 'Person' }).catch(() => undefined)
    expect(document.querySelector('.ral-time-relative')).toBeNull()
    expect(timeCell('min')).toHaveTextContent('7 Dec, 13:27:00')
  })
})

describe('day separators', () => {
  // Six events a day, four hours apart, over 30 days: 180 rows, in a box of about ten.
  const events = Array.from({ length: 180 }, (_, index) =>
    makeEvent(`d${String(index).padStart(3, '0')}`, ago(30 * MINUTE + index * 4 * HOUR), { action: 'Login' }),
  )

  it('label the first row of each day in the virtual window, rows keeping one height and their indexes', async () => {
    render(
      <div style={{ '--ral-table-height': '440px' } as CSSProperties}>
        <AuditLogs adapter={createMemoryAdapter(events)} defaultFields={FIELDS} timeZone="UTC" locale="en-US" timeline={false} pageSize={200} />
      </div>,
    )
    await screen.findByText('180 events')
    const scroller = document.querySelector('.ral-table-scroll') as HTMLElement
    const check = async (): Promise<number> => {
      await vi.waitFor(() => expect(scroller.querySelector('.ral-day-label')).not.toBeNull())
      const rows = Array.from(scroller.querySelectorAll<HTMLElement>('tr[data-event-id]'))
      let labels = 0
      for (const [at, row] of rows.entries()) {
        expect(row.getBoundingClientRect().height).toBe(40)
        const index = Number(row.getAttribute('aria-rowindex'))
        if (at > 0) expect(index).toBe(Number(rows[at - 1]?.getAttribute('aria-rowindex')) + 1)
        const day = (element: HTMLElement | undefined): string | undefined => element?.querySelector('time')?.getAttribute('dateTime')?.slice(0, 10)
        const label = row.querySelector('.ral-day-label')
        if (at > 0) expect(Boolean(label), row.dataset.eventId).toBe(day(row) !== day(rows[at - 1]))
        if (label) {
          labels += 1
          expect(label).toHaveAttribute('aria-hidden', 'true')
        }
      }
      return labels
    }
    expect(await check()).toBeGreaterThan(0)
    expect(scroller.querySelector('tr[data-event-id="d004"] .ral-day-label')).toHaveTextContent('Yesterday')
    // Far down the log, in another window of rows.
    scroller.scrollTop = 120 * 40
    await vi.waitFor(() => expect(scroller.querySelector('tr[aria-rowindex="125"]')).not.toBeNull())
    expect(await check()).toBeGreaterThan(0)
    const results = await axe.run(scroller, { runOnly: ['wcag2a', 'wcag2aa'] })
    expect(results.violations.map((violation) => violation.id)).toEqual([])
  })
})

describe('actor marks', () => {
  const events = [
    makeEvent('person', ago(MINUTE), { action: 'Login', user: { name: 'Ana Souza', type: 'user', avatar: 'https://avatars.example.com/ana.png' } }),
    makeEvent('key', ago(2 * MINUTE), { action: 'Invoice downloaded', user: { name: 'Billing export', type: 'api_key' } }),
    makeEvent('system', ago(3 * MINUTE), { action: 'Session expired', user: { name: 'Scheduler', type: 'system' } }),
    makeEvent('hostile', ago(4 * MINUTE), { action: 'Login', user: { name: 'Mallory Evil', avatar: 'javascript:alert(1)' } }),
  ]

  it('say the kind of actor in words, with initials or the avatar the field names', async () => {
    const fields = [...FIELDS.slice(0, 2), { key: 'user.name', label: 'User', avatar: 'user.avatar' }]
    render(<AuditLogs adapter={createMemoryAdapter(events)} defaultFields={fields} timeZone="UTC" locale="en-US" timeline={false} />)
    await screen.findByText('4 events')
    const mark = (id: string): HTMLElement => within(rowOf(id)).getByRole('img')
    await vi.waitFor(() => expect(mark('key')).toHaveAccessibleName('API key'))
    expect(mark('system')).toHaveAccessibleName('System')
    expect(mark('person')).toHaveAccessibleName('Person')
    expect(mark('person').querySelector('img')).toHaveAttribute('src', 'https://avatars.example.com/ana.png')
    expect(mark('person').querySelector('img')).toHaveAttribute('referrerpolicy', 'no-referrer')
    // An address that is not http(s) is never loaded: initials stand in.
    expect(mark('hostile').querySelector('img')).toBeNull()
    expect(mark('hostile')).toHaveTextContent('ME')
    expect(rowOf('person')).toHaveTextContent('Ana Souza')
  })
})

describe('right to left', () => {
  it('puts a Latin value on its header’s side', async () => {
    render(
      <div dir="rtl">
        <AuditLogs
          adapter={createMemoryAdapter([makeEvent('a', ago(MINUTE), { action: 'Login' })])}
          defaultFields={FIELDS}
          timeZone="UTC"
          timeline={false}
        />
      </div>,
    )
    await screen.findByText('1 event')
    const cell = rowOf('a').querySelectorAll('td')[1] as HTMLElement
    const text = document.createRange()
    text.selectNodeContents(cell)
    // The text ends at the cell's right edge (less its padding), where the right-aligned header starts.
    expect(cell.getBoundingClientRect().right - text.getBoundingClientRect().right).toBeLessThan(20)
  })
})

describe('the Time header', () => {
  it('says newest first after Clear search, as the rows are', async () => {
    const events = [makeEvent('a', ago(MINUTE), { action: 'Login' }), makeEvent('b', ago(HOUR), { action: 'Logout' })]
    render(
      <AuditLogs
        adapter={createMemoryAdapter(events)}
        defaultFields={FIELDS}
        defaultSearch={{ search: 'no such event' }}
        timeZone="UTC"
        timeline={false}
      />,
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Clear search' }))
    await screen.findByText('2 events')
    const header = screen.getByRole('columnheader', { name: /Time/ })
    expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(header).toHaveTextContent('▼')
  })
})

describe('the table’s height', () => {
  const events = Array.from({ length: 60 }, (_, index) => makeEvent(`h${String(index)}`, ago(index * MINUTE), { action: 'Login' }))

  it('fills a viewer its host gives a height, in whole rows, down to the box’s bottom', async () => {
    render(
      <div style={{ height: 700, display: 'flex', flexDirection: 'column' }}>
        <AuditLogs className="filled" adapter={createMemoryAdapter(events)} defaultFields={FIELDS} timeZone="UTC" timeline={false} />
        <style>{'.filled { flex: 1 1 0; min-height: 0 }'}</style>
      </div>,
    )
    await screen.findByText('60 events')
    const scroller = document.querySelector('.ral-table-scroll') as HTMLElement
    await vi.waitFor(() => expect(scroller).toHaveAttribute('data-fill'))
    await nextFrame()
    const host = (scroller.closest('.ral-root')?.parentElement as HTMLElement).getBoundingClientRect()
    const box = scroller.getBoundingClientRect()
    expect(host.bottom - box.bottom).toBeGreaterThanOrEqual(0)
    expect(host.bottom - box.bottom).toBeLessThan(40)
    const header = (scroller.querySelector('thead') as HTMLElement).getBoundingClientRect().height
    const rows = scroller.clientHeight - header
    expect(Math.abs(rows - 40 * Math.round(rows / 40))).toBeLessThan(1)
  })

  it('follows the host: a lower height shrinks the box, a height taken away gives the cap back', async () => {
    const { container } = render(
      <div style={{ height: 700, display: 'flex', flexDirection: 'column' }}>
        <AuditLogs className="filled" adapter={createMemoryAdapter(events)} defaultFields={FIELDS} timeZone="UTC" timeline={false} />
        <style>{'.filled { flex: 1 1 0; min-height: 0 }'}</style>
      </div>,
    )
    await screen.findByText('60 events')
    const host = container.firstElementChild as HTMLElement
    const scroller = document.querySelector('.ral-table-scroll') as HTMLElement
    await vi.waitFor(() => expect(scroller).toHaveAttribute('data-fill'))
    const tall = scroller.getBoundingClientRect().height

    host.style.height = '500px'
    await vi.waitFor(() => expect(scroller.getBoundingClientRect().height).toBeLessThan(tall - 150))
    await nextFrame()
    const gap = host.getBoundingClientRect().bottom - scroller.getBoundingClientRect().bottom
    expect(gap).toBeGreaterThanOrEqual(0)
    expect(gap).toBeLessThan(40)

    host.style.height = ''
    host.style.display = 'block'
    await vi.waitFor(() => expect(scroller).not.toHaveAttribute('data-fill'))
  })

  it('keeps its cap in a page that gives the viewer no height', async () => {
    render(
      <div style={{ '--ral-table-height': '300px' } as CSSProperties}>
        <AuditLogs adapter={createMemoryAdapter(events)} defaultFields={FIELDS} timeZone="UTC" timeline={false} />
      </div>,
    )
    await screen.findByText('60 events')
    await nextFrame()
    const scroller = document.querySelector('.ral-table-scroll') as HTMLElement
    expect(scroller).not.toHaveAttribute('data-fill')
    // 300 px and the box's borders.
    expect(scroller.getBoundingClientRect().height).toBe(302)
  })
})
