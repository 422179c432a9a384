import '../../styles.css'

import { render, screen } from '@testing-library/react'
import axe from 'axe-core'
import type { CSSProperties } from 'react'
import { describe, expect, it, vi } from 'vitest'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { makeEvent } from '../../../test/support/events'
import { ago, FIELDS, HOUR, MINUTE, pinClock } from '../../../test/support/tableFixtures'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

pinClock()

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
