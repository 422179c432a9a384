import { render, screen, within } from '@testing-library/react'
import type { CSSProperties } from 'react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { defaultFields } from '../../core/fields'
import { revealHidden } from '../../core/format'
import type { AuditEvent, AuditField } from '../../core/types'
import { hostileStrings } from '../../msw/hostileStrings'
import { rowOf } from '../../../test/support/rows'
import { AuditLogs } from './AuditLogs'

const canary = window as { __auditLogsXss?: unknown }
/** Elements no event text may ever become. */
const ACTIVE = 'script, img, svg, iframe, math, style:not([data-vite-dev-id]), object, embed, a[href^="javascript:" i], a[href^="data:" i]'

/** Every hostile string as a user name, an action, a resource, a payload key and a payload value. */
const events: AuditEvent[] = hostileStrings.map((text, index) => ({
  id: `h${String(index)}`,
  createdAt: Date.UTC(2026, 0, 1, 0, index),
  action: text,
  resource: text,
  severity: 'High',
  user: { name: text, email: `user${String(index)}@example.com` },
  payload: { [text]: text, link: text },
}))

/** …and as the labels of fields an admin or a host defined. */
const fields: AuditField[] = [
  ...defaultFields,
  ...hostileStrings.map((text, index) => ({ key: `payload.link`, label: text, shown: index === 0 })).slice(0, 1),
  ...hostileStrings.slice(1).map((text, index) => ({ key: `label${String(index)}`, label: text, shown: false })),
]

async function settle(): Promise<void> {
  // Time for any injected handler (onerror, onload) to have run.
  await new Promise((resolve) => setTimeout(resolve, 150))
}

describe('hostile event data in Chromium', () => {
  it(`shows ${String(hostileStrings.length)} attack strings as text in cells, headers, filter chips, the drawer, its JSON tree and the settings panel, running none`, async () => {
    render(
      // Tall enough for every row: the virtual table draws only what fits.
      <div style={{ '--ral-table-height': '2000px' } as CSSProperties}>
        <AuditLogs
          adapter={createMemoryAdapter(events)}
          fields={fields}
          canConfigure
          defaultSearch={{ filters: { 'user.name': [...hostileStrings] } }}
          timeZone="UTC"
        />
      </div>,
    )
    await screen.findByText(`${String(hostileStrings.length)} events`)
    const root = document.querySelector('.ral-root')
    if (!root) throw new Error('no viewer')

    // Cells: every string is there as text.
    const table = screen.getByRole('table')
    await expect.poll(() => table.querySelectorAll('tr[data-event-id]').length).toBe(hostileStrings.length)
    const values = [...table.querySelectorAll('.ral-value')]
    for (const text of hostileStrings) {
      // Action, resource, user name (in the user's cell, above the email) and the payload.link column whose label is hostile.
      expect([text, values.filter((value) => value.textContent === revealHidden(text)).length]).toEqual([text, 4])
    }
    // A header from a hostile label.
    expect(within(table).getByRole('columnheader', { name: hostileStrings[0] })).toBeInTheDocument()
    // Filter chips, one per hostile name, each with a remove button named by it.
    const chips = screen.getByRole('list', { name: 'Filters' })
    expect(within(chips).getAllByRole('button', { name: /^Remove filter User: / })).toHaveLength(hostileStrings.length)
    expect(within(chips).getByRole('button', { name: `Remove filter User: ${hostileStrings[1]}` })).toBeInTheDocument()

    // Bidi overrides and zero-width characters show as what they are, not as what they pretend.
    expect(table.textContent).toContain('Robert[U+202E]exe.pdf')
    expect(table.textContent).toContain('zero[U+200B]width[U+200B]joiner')
    expect(table.textContent).toContain('[U+2067]admin[U+2069] [U+FEFF]root')
    expect(table.textContent).not.toMatch(/[\u202E\u200B\u2067\uFEFF]/)

    // The drawer and its JSON tree, for a row with an HTML payload key.
    await userEvent.click(within(rowOf('h1')).getAllByRole('cell')[0] as HTMLElement)
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getAllByText(hostileStrings[1], { exact: false }).length).toBeGreaterThan(0)
    await userEvent.keyboard('{Escape}')

    // The settings panel lists every label as text.
    await userEvent.click(screen.getByRole('button', { name: 'Data structure' }))
    const panel = await screen.findByRole('region', { name: 'Data structure' })
    for (const text of hostileStrings.slice(1))
      expect(within(panel).getAllByText(text, { exact: false, normalizer: (value) => value }).length).toBeGreaterThan(0)

    await settle()
    expect(root.querySelectorAll(ACTIVE)).toHaveLength(0)
    expect(canary.__auditLogsXss).toBeUndefined()
  })
})
