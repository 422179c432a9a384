import '../../styles.css'

import { render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'

import { germanMessages } from '../../core/messages.de'
import { generateAuditEvents } from '../../msw/generateEvents'
import { heldAdapter } from '../../../test/support/heldAdapter'
import { AuditLogs } from '../AuditLogs/AuditLogs'

// The export as a person sees it in Chromium with the stylesheet: while it runs nothing in the bar moves,
// nothing lies over the table, and the control's words are whole, at a phone's and a laptop's width, in
// English and in German (the longest labels).
const events = generateAuditEvents({ count: 200, seed: 7, end: Date.UTC(2026, 10, 23, 12), hostileEvery: 0 })

const LANGUAGES = {
  en: { messages: undefined, locale: 'en-US', download: 'Download CSV', menu: 'Rows to download', cancel: 'Cancel', count: '200 events' },
  de: {
    messages: germanMessages,
    locale: 'de-DE',
    download: 'CSV herunterladen',
    menu: 'Welche Zeilen',
    cancel: 'Abbrechen',
    count: '200 Ereignisse',
  },
} as const

type Box = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>
const box = (element: Element): Box => {
  const { left, top, right, bottom } = element.getBoundingClientRect()
  return { left, top, right, bottom }
}
const overlaps = (a: Box, b: Box): boolean => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5
const inside = (inner: Box, outer: Box): boolean =>
  inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5
/** The bar's controls a person sees, by what they are. */
const barControls = (bar: Element): HTMLElement[] =>
  [...bar.querySelectorAll<HTMLElement>('button, input')].filter((element) => element.checkVisibility({ visibilityProperty: true }))

afterEach(async () => {
  await page.viewport(1280, 800)
})

describe('the export control in the bar', () => {
  it.each([
    [1280, 'en'],
    [1280, 'de'],
    [390, 'en'],
    [390, 'de'],
  ] as const)('at %i px in %s: no shift, no overlap and whole words while an export runs', async (width, language) => {
    const words = LANGUAGES[language]
    await page.viewport(width, 844)
    const { adapter, step, release } = heldAdapter(events)
    render(
      <div style={{ padding: 16 }}>
        <AuditLogs
          adapter={adapter}
          pageSize={200}
          csvOptions={{ pageSize: 50 }}
          timeZone="UTC"
          locale={words.locale}
          {...(words.messages ? { messages: words.messages } : {})}
          canConfigure
          timeline={false}
        />
      </div>,
    )
    await screen.findByText(words.count)
    const root = document.querySelector('.ral-root') as HTMLElement
    const bar = root.querySelector('.ral-bar') as HTMLElement
    const table = root.querySelector('.ral-table-scroll') as HTMLElement
    const download = screen.getByRole('button', { name: words.download })
    const toggle = screen.getByRole('button', { name: words.menu })

    // Idle: the label is whole on one line, as tall as the bar's other controls.
    expect(download.scrollWidth).toBeLessThanOrEqual(download.clientWidth)
    expect(download.getBoundingClientRect().height).toBeCloseTo(toggle.getBoundingClientRect().height, 0)
    const controlsBefore = barControls(bar)
    const before = controlsBefore.map(box)
    const barBefore = box(bar)
    const pair = box(download.parentElement as HTMLElement)

    // The menu opens inside the window, its items whole.
    await userEvent.click(toggle)
    const menu = await screen.findByRole('menu')
    await waitFor(() => expect(screen.getAllByRole('menuitem')[0]).toHaveFocus())
    expect(inside(box(menu), { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight })).toBe(true)
    for (const item of screen.getAllByRole('menuitem')) expect(item.scrollWidth).toBeLessThanOrEqual(item.clientWidth)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'false'))

    await userEvent.click(download)
    const cancel = await screen.findByRole('button', { name: words.cancel })
    step()
    await waitFor(() => expect(cancel.querySelector('.ral-export-fill')).not.toHaveAttribute('data-indeterminate'))

    // Running: Cancel is exactly where Download and its menu button were; nothing else in the bar moved.
    expect(box(cancel)).toEqual(pair)
    expect(box(bar)).toEqual(barBefore)
    expect(controlsBefore.map(box)).toEqual(before)
    const label = cancel.querySelector('.ral-export-cancel-label') as HTMLElement
    expect(label.scrollWidth).toBeLessThanOrEqual(label.clientWidth)
    expect(cancel.querySelector('.ral-export-count')?.textContent).toBe('50')
    // Nothing of the export lies over the table, and the control stays inside the viewer.
    for (const part of root.querySelectorAll('.ral-export, .ral-export *')) {
      if (part.getClientRects().length > 0) expect(overlaps(box(part), box(table)), part.className).toBe(false)
    }
    expect(inside(box(cancel), box(root))).toBe(true)
    // No two controls of the bar share pixels (Cancel covers the pair it stands for, which is hidden).
    const shown = [...barControls(bar), cancel].filter((element, index, all) => all.indexOf(element) === index)
    for (const [index, a] of shown.entries()) {
      for (const b of shown.slice(index + 1)) expect(overlaps(box(a), box(b)), `${a.textContent} / ${b.textContent}`).toBe(false)
    }
    expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth)
    release()
    await screen.findByRole('button', { name: words.download })
  })
})

describe('the bar on a phone', () => {
  it.each(['en', 'de'] as const)('takes two lines in %s: search and Filter, then the range and the whole export control', async (language) => {
    const words = LANGUAGES[language]
    await page.viewport(390, 844)
    render(
      <AuditLogs
        adapter={heldAdapter(events).adapter}
        pageSize={200}
        timeZone="UTC"
        locale={words.locale}
        {...(words.messages ? { messages: words.messages } : {})}
        timeline={false}
      />,
    )
    await screen.findByText(words.count)
    const root = document.querySelector('.ral-root') as HTMLElement
    const bar = root.querySelector('.ral-bar') as HTMLElement
    const lines = new Set(barControls(bar).map((control) => Math.round(control.getBoundingClientRect().top)))
    expect(lines.size).toBe(2)
    const download = screen.getByRole('button', { name: words.download })
    const toggle = screen.getByRole('button', { name: words.menu })
    expect(download.scrollWidth).toBeLessThanOrEqual(download.clientWidth)
    expect(box(toggle).top).toBe(box(download).top)
    expect(inside(box(download.parentElement as HTMLElement), box(root))).toBe(true)
    expect(box(download).top).toBe(box(screen.getByRole('button', { name: /^(Date range|Zeitraum)/ })).top)
  })
})
