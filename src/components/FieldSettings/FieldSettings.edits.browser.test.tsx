import { render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { page, userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { germanMessages } from '../../core/messages.de'
import { defaultFields } from '../../core/fields'
import type { AuditField } from '../../core/types'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const fields: AuditField[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'action', label: 'Action' },
  { key: 'user.email', label: 'Email' },
  { key: 'user.name', label: 'User' },
]

const headers = (): string[] =>
  within(screen.getByRole('table', { name: 'Audit log' }))
    .getAllByRole('columnheader')
    .map((header) => header.textContent.replace(/[▲▼↕]/g, '').trim())

async function openPanel(adapter = createMemoryAdapter(makeEvents(3), { fieldConfig: [] })) {
  render(<AuditLogs adapter={adapter} defaultFields={fields} canConfigure timeZone="UTC" locale="en-US" />)
  await screen.findByText('3 events')
  await userEvent.click(screen.getByRole('button', { name: 'Data structure' }))
  const panel = await screen.findByRole('region', { name: 'Data structure' })
  return { adapter, panel, inside: within(panel) }
}

afterEach(async () => {
  await page.viewport(1280, 800)
})

describe('the data-structure panel', () => {
  it('toggles a switch, counts it as unsaved, and saves it', async () => {
    const { adapter, inside } = await openPanel()
    const email = inside.getByRole('switch', { name: 'Shown in table: Email' })
    expect(email).toBeChecked()
    expect(inside.queryByText(/unsaved change/)).toBeNull()
    await userEvent.click(email)
    expect(email).not.toBeChecked()
    await expect.poll(headers).toEqual(['Time UTC', 'Action', 'User'])
    expect(inside.getByText('1 unsaved change')).toBeVisible()
    await userEvent.click(inside.getByRole('switch', { name: 'Included in download: User' }))
    expect(inside.getByText('2 unsaved changes')).toBeVisible()
    await userEvent.click(inside.getByRole('button', { name: 'Save' }))
    expect(await inside.findByText('Saved.')).toBeVisible()
    expect(inside.queryByText(/unsaved change/)).toBeNull()
    const stored = await adapter.loadFieldConfig?.({ signal: new AbortController().signal })
    expect(stored?.find((field) => field.key === 'user.email')).toMatchObject({ shown: false })
    expect(stored?.find((field) => field.key === 'user.name')).toMatchObject({ exported: false })
  })

  it('reorders from the keyboard: arrows on the handle move the field, keep focus and say where it went', async () => {
    const { inside } = await openPanel()
    const handle = inside.getByRole('button', { name: 'Reorder User' })
    expect(handle).toHaveAccessibleDescription(/arrow key/)
    handle.focus()
    await userEvent.keyboard('{ArrowUp}')
    await expect.poll(() => document.activeElement?.getAttribute('aria-label')).toBe('Reorder User')
    await userEvent.keyboard('{ArrowUp}')
    await expect.poll(headers).toEqual(['Time UTC', 'User', 'Action', 'Email'])
    expect(await inside.findByText('User moved to position 2 of 4.')).toBeInTheDocument()
    expect(document.activeElement).toBe(inside.getByRole('button', { name: 'Reorder User' }))
    // One new order is one change, however many fields it shifted.
    expect(inside.getByText('1 unsaved change')).toBeVisible()
  })

  it('asks before closing with unsaved changes: Esc and Cancel both ask, Keep editing stays, Discard reverts', async () => {
    const { inside, panel } = await openPanel()
    await userEvent.click(inside.getByRole('switch', { name: 'Shown in table: Email' }))
    await userEvent.click(inside.getByRole('switch', { name: 'Hidden (sensitive): User' }))
    expect(inside.getByText('2 unsaved changes')).toBeVisible()

    await userEvent.keyboard('{Escape}')
    const question = inside.getByRole('group', { name: 'Discard 2 unsaved changes?' })
    expect(panel).toBeVisible()
    expect(within(question).getByRole('button', { name: 'Keep editing' })).toHaveFocus()
    await userEvent.click(within(question).getByRole('button', { name: 'Keep editing' }))
    expect(inside.queryByRole('group', { name: /^Discard/ })).toBeNull()
    expect(inside.getByRole('switch', { name: 'Shown in table: Email' })).not.toBeChecked()

    await userEvent.click(inside.getByRole('button', { name: 'Cancel' }))
    await userEvent.click(inside.getByRole('button', { name: 'Discard' }))
    await expect.poll(() => screen.queryByRole('region', { name: 'Data structure' })).toBeNull()
    await expect.poll(headers).toEqual(['Time UTC', 'Action', 'Email', 'User'])
  })

  it('stays open and asks when a click outside would close it with unsaved changes', async () => {
    const { inside, panel } = await openPanel()
    await userEvent.click(inside.getByRole('switch', { name: 'Shown in table: Email' }))
    expect(inside.getByText('1 unsaved change')).toBeVisible()

    await userEvent.click(screen.getByText('3 events'))
    const question = await inside.findByRole('group', { name: 'Discard 1 unsaved change?' })
    expect(panel.closest('[popover]')?.matches(':popover-open')).toBe(true)
    expect(within(question).getByRole('button', { name: 'Keep editing' })).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Data structure' })).toHaveAttribute('aria-expanded', 'true')

    // Discard closes it for good, and a click outside with nothing unsaved closes it at once.
    await userEvent.click(within(question).getByRole('button', { name: 'Discard' }))
    await expect.poll(() => screen.queryByRole('region', { name: 'Data structure' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Data structure' }))
    await screen.findByRole('region', { name: 'Data structure' })
    await userEvent.click(screen.getByText('3 events'))
    await expect.poll(() => screen.queryByRole('region', { name: 'Data structure' })).toBeNull()
  })

  it('keeps Keep editing and Discard side by side on a phone, the question on the line above', async () => {
    await page.viewport(390, 844)
    const { inside } = await openPanel()
    await userEvent.click(inside.getByRole('switch', { name: 'Shown in table: Email' }))
    await userEvent.click(inside.getByRole('switch', { name: 'Hidden (sensitive): User' }))
    await userEvent.click(inside.getByRole('button', { name: 'Cancel' }))
    const question = inside.getByRole('group', { name: 'Discard 2 unsaved changes?' })
    const keep = within(question).getByRole('button', { name: 'Keep editing' }).getBoundingClientRect()
    const discard = within(question).getByRole('button', { name: 'Discard' }).getBoundingClientRect()
    expect(discard.top).toBe(keep.top)
    expect(discard.height).toBe(keep.height)
  })

  it('closes at once on Cancel or Esc when nothing is unsaved', async () => {
    await openPanel()
    await userEvent.keyboard('{Escape}')
    await expect.poll(() => screen.queryByRole('region', { name: 'Data structure' })).toBeNull()
  })

  it('fits a 390 px phone in German, right to left, with Save in view', async () => {
    await page.viewport(390, 844)
    render(
      <div dir="rtl">
        <AuditLogs
          adapter={createMemoryAdapter(makeEvents(3), { fieldConfig: [] })}
          defaultFields={[
            ...defaultFields,
            ...fields.slice(1),
            { key: 'payload.subscriptionPlanIdentifier', label: 'Abonnement-Tarifbezeichnung', custom: true },
          ]}
          canConfigure
          messages={germanMessages}
          locale="de-DE"
        />
      </div>,
    )
    await screen.findByText('3 Ereignisse')
    await userEvent.click(screen.getByRole('button', { name: 'Datenstruktur' }))
    const panel = await screen.findByRole('region', { name: 'Datenstruktur' })
    const sheet = panel.closest('[popover]') as HTMLElement
    expect(sheet.scrollWidth).toBeLessThanOrEqual(sheet.clientWidth)
    const box = sheet.getBoundingClientRect()
    for (const element of panel.querySelectorAll<HTMLElement>('button, input, select, th, td')) {
      const rect = element.getBoundingClientRect()
      expect(rect.left, element.getAttribute('aria-label') ?? element.textContent).toBeGreaterThanOrEqual(box.left)
      expect(rect.right, element.getAttribute('aria-label') ?? element.textContent).toBeLessThanOrEqual(box.right)
    }
    // Save stays at the sheet's foot while the many fields scroll.
    expect(sheet.scrollHeight).toBeGreaterThan(sheet.clientHeight)
    const save = within(panel).getByRole('button', { name: 'Speichern' })
    expect(save.getBoundingClientRect().bottom).toBeLessThanOrEqual(box.bottom)
    expect(save.getBoundingClientRect().bottom).toBeGreaterThan(box.bottom - 80)

    // The question before closing keeps its answers whole, each as tall as Save.
    const oneLine = save.getBoundingClientRect().height
    await userEvent.click(within(panel).getAllByRole('switch', { name: 'In der Tabelle: Aktion' })[0] as HTMLElement)
    await userEvent.click(within(panel).getByRole('button', { name: 'Abbrechen' }))
    const question = await within(panel).findByRole('group', { name: /verwerfen\?$/ })
    const answers = within(question).getAllByRole('button')
    for (const answer of answers) expect(answer.getBoundingClientRect().height, answer.textContent).toBeCloseTo(oneLine, 0)
    // Side by side on one line: the question's words wrap instead.
    expect(new Set(answers.map((answer) => Math.round(answer.getBoundingClientRect().top))).size).toBe(1)
  })
})
