import '../../styles.css'

import { render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { germanMessages } from '../../core/messages.de'
import { makeEvent } from '../../../test/support/events'
import { ago, FIELDS, HOUR, MINUTE, NOW, pinClock } from '../../../test/support/tableFixtures'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const rowOf = (id: string): HTMLElement => document.querySelector(`tr[data-event-id="${id}"]`) as HTMLElement
const timeCell = (id: string): HTMLElement => rowOf(id).querySelector('td') as HTMLElement

pinClock()

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
    // Shown in the relative time's place, not a pixel off (the visually-hidden class's margin undone).
    expect(getComputedStyle(exact).margin).toBe('0px')
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
