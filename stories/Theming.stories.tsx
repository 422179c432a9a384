import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, within } from 'storybook/test'

import { createMemoryAdapter } from '../src/adapter/memoryAdapter'
import { AuditLogs, type AuditLogsProps } from '../src/components/AuditLogs/AuditLogs'
import { germanMessages } from '../src/core/messages.de'
import { generateAuditEvents } from '../src/msw/generateEvents'

const events = generateAuditEvents({ count: 200, seed: 51, end: Date.UTC(2026, 10, 23, 12) })

function Viewer({ dir, background, ...props }: Omit<AuditLogsProps, 'adapter'> & { dir?: 'ltr' | 'rtl'; background?: string }) {
  const [adapter] = useState(() => createMemoryAdapter(events))
  return (
    <div dir={dir} style={{ background, padding: 16 }}>
      <AuditLogs {...props} adapter={adapter} timeZone="UTC" />
    </div>
  )
}

const meta = {
  title: 'Embedding/Theming and languages',
  component: Viewer,
  args: { locale: 'en-US' },
} satisfies Meta<typeof Viewer>

export default meta
type Story = StoryObj<typeof meta>

/** Dark, pinned by the host (`theme="dark"`); `"auto"` follows the system. Colours pass axe's contrast checks. */
export const Dark: Story = {
  args: { theme: 'dark', background: '#0d1117' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('200 events')
    await expect(canvasElement.querySelector('.ral-root')).toHaveAttribute('data-theme', 'dark')
  },
}

/** German strings, dates and numbers (`messages={germanMessages}`, `locale="de-DE"`). */
export const German: Story = {
  args: { messages: germanMessages, locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('200 Ereignisse')).toBeVisible()
    await expect(canvas.getByRole('button', { name: 'CSV herunterladen' })).toBeVisible()
    // Headers, the range and the dates in German.
    const headers = canvas.getAllByRole('columnheader').map((header) => header.textContent.replace(/[▲▼↕]/g, ''))
    await expect(headers.slice(0, 3)).toEqual(['Zeit UTC', 'Schweregrad', 'Aktion'])
    await expect(canvas.getByRole('button', { name: 'Zeitraum: Gesamter Zeitraum' })).toBeVisible()
    await expect(canvasElement.querySelector('tbody time')?.textContent).toMatch(/^\d{1,2}\. [A-Z][a-zä]{2}\.?,/)
  },
}

/** Right to left: the layout mirrors (logical CSS properties) and values keep their own direction. */
export const RightToLeft: Story = {
  args: { dir: 'rtl', locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findAllByText(/events$/)
    const table = within(canvasElement).getByRole('table')
    const header = within(table).getAllByRole('columnheader')[0] as HTMLElement
    await expect(getComputedStyle(header).textAlign).toBe('start')
    await expect(getComputedStyle(table).direction).toBe('rtl')
    // An IPv6 address reads in its own order: its first character is drawn left of its last.
    // Found once the rows are in (the wait above can be met by the export menu's "All matching events").
    const address = (await within(table).findAllByText(/^2001:db8:/))
      .map((cell) => cell.firstChild)
      .find((node): node is Text => node instanceof Text)
    if (!address) throw new Error('The story shows no IPv6 address.')
    const charRect = (at: number): DOMRect => {
      const range = document.createRange()
      range.setStart(address, at)
      range.setEnd(address, at + 1)
      return range.getBoundingClientRect()
    }
    await expect(charRect(0).left).toBeLessThan(charRect(address.length - 1).left)
  },
}
