import { render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { defaultFields } from '../../core/fields'
import type { AuditEvent } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { AuditLogs } from '../AuditLogs/AuditLogs'
import { lazyMessages } from '../../core/messages.lazy'
import { coreMessages } from '../../core/messages'
import { germanMessages } from '../../core/messages.de'
import { panelMessages } from '../../core/panelMessages'
import { EventSummary } from './EventSummary'

const generated = generateAuditEvents({ count: 40, seed: 5, end: Date.UTC(2026, 10, 23, 12) })
const base = generated[0] as AuditEvent
const day = 86_400_000
const messages = { ...coreMessages, ...lazyMessages, ...panelMessages } as Parameters<typeof EventSummary>[0]['messages']

/** Three neighbours that hold very different things: a plain one, one with a huge action and no actor, a failed one. */
const events: AuditEvent[] = [
  { ...base, id: 'evt_plain', createdAt: '2026-11-23T12:00:00.000Z' },
  {
    ...base,
    id: `evt_${'long'.repeat(60)}`,
    createdAt: '2026-11-23T11:59:00.000Z',
    action: `invoice.${'reconciled.'.repeat(15)}`,
    user: undefined,
    severity: undefined,
  },
  { ...base, id: 'evt_failed', createdAt: '2026-11-23T11:58:00.000Z', result: 'failed', severity: 'High' },
]

/** The drawer's layout that must not move from event to event: the bar's height, the facts' labels and their block's height. */
function shape(dialog: HTMLElement) {
  const header = dialog.querySelector('.ral-drawer-header') as HTMLElement
  const lead = dialog.querySelector('.ral-drawer-lead') as HTMLElement
  return {
    header: Math.round(header.getBoundingClientRect().height),
    lead: Math.round(lead.getBoundingClientRect().height),
    facts: [...lead.querySelectorAll('.ral-summary dt')].map((term) => term.textContent),
  }
}

describe('the drawer header', () => {
  it('keeps one structure and height whatever the event holds, stepping with N and P', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" defaultOpenEventId="evt_plain" />)
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByRole('heading', { name: 'What happened' })
    const first = shape(dialog)
    expect(first.facts).toEqual(['Result', 'Severity', 'When', 'Actor', 'Event ID'])
    // The bar is one line; the facts are a few compact lines, not a tall block.
    expect(first.header).toBeLessThan(60)

    await userEvent.keyboard('n')
    await expect.poll(() => dialog.getAttribute('aria-label')).toMatch(/^invoice\.reconciled/)
    expect(shape(dialog)).toEqual(first)
    // A long title is one line cut with "…", its whole text in the title.
    const title = within(dialog).getByRole('heading', { level: 2 })
    expect(title.scrollWidth).toBeGreaterThan(title.clientWidth)
    expect(title).toHaveAttribute('title', expect.stringMatching(/^invoice\.(reconciled\.){15}$/))
    // No actor, no severity: a dash holds their place.
    for (const fact of ['actor', 'severity']) expect(dialog.querySelector(`[data-fact="${fact}"] dd`), fact).toHaveTextContent(/^—$/)

    await userEvent.keyboard('n')
    await expect.poll(() => dialog.querySelector('[data-fact="result"] .ral-badge')?.textContent).toBe('failed')
    expect(shape(dialog)).toEqual(first)
    await userEvent.keyboard('p')
    await expect.poll(() => dialog.getAttribute('aria-label')).toMatch(/^invoice\.reconciled/)
    expect(shape(dialog)).toEqual(first)
  })

  it('shows result and severity as the badges of the table', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" defaultOpenEventId="evt_failed" />)
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByRole('heading', { name: 'What happened' })
    const row = screen.getAllByRole('row').find((candidate) => candidate.getAttribute('data-event-id') === 'evt_failed') as HTMLElement
    for (const fact of ['result', 'severity']) {
      const badge = dialog.querySelector(`[data-fact="${fact}"] .ral-badge`) as HTMLElement
      const inTable = [...row.querySelectorAll('.ral-badge')].find((candidate) => candidate.textContent === badge.textContent)
      expect(inTable, fact).toBeDefined()
      expect(badge.className).toBe(inTable?.className)
    }
  })

  it('shows the P and N key hints only for a fine pointer that can hover', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" defaultOpenEventId="evt_plain" />)
    const dialog = await screen.findByRole('dialog')
    const hint = within(dialog).getByText('N', { selector: 'kbd' })
    const fine = window.matchMedia('(hover: hover) and (pointer: fine)').matches
    // (Inside the flex button a shown hint computes to `block`.)
    expect(getComputedStyle(hint).display === 'none').toBe(!fine)
    // The rule itself: hidden by default, shown only inside that media query.
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules])
    const query = rules.find(
      (rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText === '(hover: hover) and (pointer: fine)',
    )
    expect(query?.cssText).toContain('.ral-drawer kbd')
    expect(rules.some((rule) => rule instanceof CSSStyleRule && rule.selectorText === '.ral-drawer kbd' && rule.style.display === 'none')).toBe(true)
  })
})

describe('the header time', () => {
  const at = Date.parse('2026-11-09T12:00:00Z')
  const relative = (now: number, locale = 'en-US'): string => {
    const { unmount } = render(
      <EventSummary
        event={{ ...base, createdAt: new Date(at).toISOString() }}
        fields={defaultFields}
        format={{ locale, timeZone: 'UTC' }}
        messages={messages}
        now={now}
      />,
    )
    const text = (document.querySelector('[data-fact="when"] time')?.firstChild?.textContent ?? '').trim()
    unmount()
    return text
  }

  it('counts in the right unit from a fixed now, never a calendar word', () => {
    expect(relative(at + 14 * day)).toBe('2 weeks ago')
    expect(relative(at + 14 * day - 3 * 3_600_000)).toBe('2 weeks ago')
    expect(relative(at + 3 * day)).toBe('3 days ago')
    expect(relative(at + 30 * 3_600_000)).toBe('1 day ago')
    expect(relative(at + 100 * 60_000)).toBe('2 hours ago')
    expect(relative(at + 90 * day)).toBe('3 months ago')
    expect(relative(at + 8 * day, 'de-DE')).toBe('vor 1 Woche')
  })

  it('keeps the exact time beside it and in its title', () => {
    render(
      <EventSummary
        event={{ ...base, createdAt: new Date(at).toISOString() }}
        fields={defaultFields}
        format={{ locale: 'en-US', timeZone: 'UTC' }}
        messages={messages}
        now={at + 14 * day}
      />,
    )
    const time = document.querySelector('[data-fact="when"] time') as HTMLElement
    expect(time).toHaveAttribute('dateTime', '2026-11-09T12:00:00.000Z')
    expect(time.getAttribute('title')).toMatch(/Nov 9, 2026/)
    expect([...time.children].map((part) => part.textContent)).toEqual(['2 weeks ago', expect.stringMatching(/^Nov 9, 2026/)])
  })
})

describe('the drawer body', () => {
  it('shows a before/after once: the JSON tree under the table starts closed, with a note', async () => {
    const changed = generated.find((event) => event.module === 'content') as AuditEvent
    render(<AuditLogs adapter={createMemoryAdapter([changed])} timeZone="UTC" locale="en-US" defaultOpenEventId={changed.id} />)
    const dialog = await screen.findByRole('dialog')
    const table = await within(dialog).findByRole('table', { name: 'Changes: Payload' })
    expect(within(table).getByText('draft')).toBeVisible()
    expect(within(dialog).getAllByText(/draft/)).toHaveLength(1)
    expect(within(dialog).getByText(panelMessages.jsonRepeatsChanges)).toBeVisible()
    // The whole JSON is one click away.
    const tree = within(dialog).getByRole('list', { name: 'Payload' })
    await userEvent.click(within(tree).getByText('Payload'))
    expect(await within(tree).findByText('changes')).toBeVisible()
  })

  it("wraps a long text in the drawer's own scroll: no box scrolls inside it", async () => {
    const note = `${'A line of the import log. '.repeat(60)}${'x'.repeat(600)}\n${'Next line. '.repeat(40)}`
    render(
      <AuditLogs adapter={createMemoryAdapter([{ ...base, id: 'evt_note', note }])} timeZone="UTC" locale="en-US" defaultOpenEventId="evt_note" />,
    )
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByRole('heading', { name: 'What happened' })
    const text = dialog.querySelector('.ral-long-text') as HTMLElement
    expect(getComputedStyle(text).whiteSpace).toBe('pre-wrap')
    // The 600-character token breaks: nothing is wider than its box.
    expect(text.scrollWidth).toBeLessThanOrEqual(text.clientWidth)
    const scrollers = [...dialog.querySelectorAll<HTMLElement>('*')].filter(
      (element) => /auto|scroll/.test(getComputedStyle(element).overflowY) && element.scrollHeight > element.clientHeight,
    )
    expect(scrollers).toEqual([])
    expect(text).not.toHaveAttribute('tabindex')
  })
})

describe('the drawer on a phone', () => {
  afterEach(async () => {
    await page.viewport(1280, 800)
  })

  it('fits 390 px in German, right to left: nothing wider than the drawer', async () => {
    await page.viewport(390, 844)
    render(
      <div dir="rtl">
        <AuditLogs
          adapter={createMemoryAdapter(events)}
          messages={germanMessages}
          locale="de-DE"
          timeZone="Europe/Berlin"
          defaultOpenEventId={events[1]?.id}
        />
      </div>,
    )
    const dialog = await screen.findByRole('dialog')
    await within(dialog).findByRole('heading', { name: 'Was geschah' })
    expect(dialog.scrollWidth).toBeLessThanOrEqual(dialog.clientWidth)
    const box = dialog.getBoundingClientRect()
    for (const element of dialog.querySelectorAll<HTMLElement>('.ral-drawer-header *, .ral-drawer-lead *')) {
      const rect = element.getBoundingClientRect()
      if (rect.width === 0) continue
      expect(rect.left, element.className).toBeGreaterThanOrEqual(box.left - 0.5)
      expect(rect.right, element.className).toBeLessThanOrEqual(box.right + 0.5)
    }
  })
})
