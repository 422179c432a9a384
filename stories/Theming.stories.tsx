import type { Meta, StoryObj } from '@storybook/react-vite'
import { type CSSProperties, useState } from 'react'
import { expect, within } from 'storybook/test'

import { createMemoryAdapter } from '../src/adapter/memoryAdapter'
import { AuditLogs, type AuditLogsProps } from '../src/components/AuditLogs/AuditLogs'
import { germanMessages } from '../src/core/messages.de'
import { generateAuditEvents } from '../src/msw/generateEvents'
// A stylesheet of the host's, as a host ships its brand (not an inline <style>: the CSP story check forbids it).
import './brandThemes.css'

const events = generateAuditEvents({ count: 200, seed: 51, end: Date.UTC(2026, 10, 23, 12), hostileEvery: 0 })

function Viewer({
  dir,
  background,
  style,
  ...props
}: Omit<AuditLogsProps, 'adapter'> & { dir?: 'ltr' | 'rtl'; background?: string; style?: CSSProperties }) {
  const [adapter] = useState(() => createMemoryAdapter(events))
  return (
    <div dir={dir} style={{ background, padding: 16, ...style }}>
      <AuditLogs {...props} adapter={adapter} timeZone="UTC" />
    </div>
  )
}

/**
 * Two brands on one page, each a handful of variables on the host's own class (`className` on AuditLogs, in
 * `stories/brandThemes.css`): the font is the host's (`--ral-font: inherit`) or its own, colours, radius and
 * spacing follow; every colour takes a light-dark() pair.
 */
export const BrandThemes: Story = {
  render: (args) => (
    <div style={{ fontFamily: '"Trebuchet MS", sans-serif', display: 'grid', gap: 24 }}>
      <Viewer {...args} className="brand-ocean" style={{ ['--ral-table-height' as string]: '220px' }} />
      <Viewer {...args} className="brand-plum" theme="dark" background="#1a0b2e" style={{ ['--ral-table-height' as string]: '220px' }} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const roots = [...canvasElement.querySelectorAll<HTMLElement>('.ral-root')]
    await within(canvasElement).findAllByText('200 events')
    await expect(roots).toHaveLength(2)
    // The host's font is inherited; each brand's accent reaches the primary button.
    await expect(getComputedStyle(roots[0] as HTMLElement).fontFamily).toContain('Trebuchet MS')
    const primary = (root: HTMLElement): string => getComputedStyle(within(root).getByRole('button', { name: 'Download CSV' })).backgroundColor
    await expect(primary(roots[0] as HTMLElement)).toBe('rgb(14, 116, 144)')
    await expect(primary(roots[1] as HTMLElement)).toBe('rgb(147, 51, 234)')
  },
}

/** A phone-sized screen: each event a card of who, what, when and severity; the rest is one tap away. */
export const SmallScreen: Story = {
  render: (args) => (
    <div style={{ maxWidth: 390 }}>
      <Viewer {...args} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('200 events')
    await expect(canvasElement.querySelector('.ral-table-scroll')).toHaveClass('ral-cards')
  },
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
