import { render, screen, within } from '@testing-library/react'
import { expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { AuditLogs } from '../AuditLogs/AuditLogs'

/**
 * The bench's 1 MB event (a 1,000,000-character note and 2,000 items), built so that what the drawer reads
 * can be counted: `note` is a getter, `items` a Proxy that counts element reads, and `toJSON` counts every
 * `JSON.stringify` of the payload.
 */
function countedPayload() {
  const reads = { note: 0, items: 0, stringified: 0 }
  // A letter the drawer's own words never hold, so the drawn note can be counted.
  const note = 'ж'.repeat(1_000_000)
  const items = new Proxy(
    Array.from({ length: 2_000 }, (_, index) => ({ index, sku: `sku-${String(index)}` })),
    {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads.items += 1
        return Reflect.get(target, key, receiver) as unknown
      },
    },
  )
  const payload = {
    get note() {
      reads.note += 1
      return note
    },
    items,
    toJSON() {
      reads.stringified += 1
      return { note: note.slice(0, 10), items: items.length }
    },
  }
  return { reads, event: { id: 'evt_big', createdAt: '2026-11-20T10:15:00.000Z', action: 'import', result: 'success', payload } }
}

/** How many characters of the note the page draws. */
const drawnNote = (element: HTMLElement): number => element.textContent.split('').filter((character) => character === 'ж').length

it('opens a 1 MB event reading only what it draws: a bounded preview of the string, no item of the collapsed array, no JSON of the payload', async () => {
  const { reads, event } = countedPayload()
  render(<AuditLogs adapter={createMemoryAdapter([event])} defaultOpenEventId="evt_big" timeZone="UTC" locale="en-US" />)
  const dialog = await screen.findByRole('dialog')
  await within(dialog).findByText(/^\[2,?000 items\]$/)
  expect(drawnNote(dialog)).toBeGreaterThan(0)
  expect(drawnNote(dialog)).toBeLessThanOrEqual(500)
  expect(reads.items).toBe(0)
  expect(reads.stringified).toBe(0)
  // Each read of `note` gives the whole string, but only its first characters are drawn: a handful of reads.
  expect(reads.note).toBeLessThanOrEqual(4)
  // Copy JSON makes its text on the click (whether the clipboard then takes it is the browser's business).
  await userEvent.click(within(dialog).getByRole('button', { name: 'Copy JSON: Payload' }))
  expect(reads.stringified).toBe(1)
})
