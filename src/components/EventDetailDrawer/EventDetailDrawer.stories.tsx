import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'

import { AuditLogsError } from '../../adapter/errors'
import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditEvent } from '../../core/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { germanMessages } from '../../core/messages.de'
import { eventWithLargePayload, hostileEvent } from '../../../test/support/payloads'
import { AuditLogs, type AuditLogsProps } from '../AuditLogs/AuditLogs'

const events = generateAuditEvents({ count: 120, seed: 5, end: Date.UTC(2026, 10, 23, 12) })
const first = events[0] as AuditEvent

/** The viewer with one event open; the adapter is made once per mount. */
function OpenEvent({
  make,
  eventId,
  dir,
  theme,
  locale = 'en-GB',
  messages,
  canReveal,
}: { make: () => AuditLogsAdapter; eventId: string; dir?: 'ltr' | 'rtl' } & Pick<AuditLogsProps, 'theme' | 'locale' | 'messages' | 'canReveal'>) {
  const [adapter] = useState(make)
  return (
    <div dir={dir}>
      <AuditLogs
        adapter={adapter}
        defaultOpenEventId={eventId}
        timeZone="Europe/Prague"
        locale={locale}
        theme={theme}
        messages={messages}
        canReveal={canReveal}
      />
    </div>
  )
}

/** A content change as the generator records it: `changes: { before, after }`. */
const changed = events.find((event) => event.module === 'content') as AuditEvent
/** A failed event. */
const failed = events.find((event) => event.result === 'failed') as AuditEvent
/** The host bench's event: a 1,000,000-character note and 2,000 items. */
const benchEvent: AuditEvent = {
  ...first,
  id: 'evt_1mb',
  payload: { note: 'x'.repeat(1_000_000), items: Array.from({ length: 2_000 }, (_, index) => ({ index, sku: `sku-${String(index)}` })) },
}

const meta = {
  title: 'EventDetailDrawer',
  component: OpenEvent,
  args: { make: (): AuditLogsAdapter => createMemoryAdapter(events), eventId: first.id },
} satisfies Meta<typeof OpenEvent>

export default meta
type Story = StoryObj<typeof meta>

/** The open drawer, once its body (loaded on first open) is drawn. */
async function drawer(canvasElement: HTMLElement): Promise<HTMLElement> {
  const dialog = await within(canvasElement).findByRole('dialog')
  await within(dialog).findByRole('heading', { name: 'What happened' })
  return dialog
}

/**
 * A typical event, summary first: the action, who, how it ended, when and the id in the header; then what
 * happened, the context and the payload; the time in every form collapsed at the end.
 */
export const TypicalEvent: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    await expect(dialog).toHaveAccessibleName(new RegExp(`^${String(first.action)} · `))
    const inside = within(dialog)
    await expect(inside.getByRole('heading', { level: 2 })).toHaveTextContent(String(first.action))
    await expect(inside.getByText(first.id)).toBeVisible()
    await expect(inside.getByRole('button', { name: 'Copy Event ID' })).toBeVisible()
    await expect(inside.getByRole('button', { name: 'Close' })).toHaveFocus()
    await expect(inside.getByRole('heading', { name: 'Context' })).toBeVisible()
    // The time forms are collapsed until asked for.
    await expect(inside.getByText('Epoch milliseconds')).not.toBeVisible()
    await userEvent.click(inside.getByText('Timestamps'))
    await expect(inside.getByText('Epoch milliseconds')).toBeVisible()
    await expect(inside.getByText(String(Date.parse(String(first.createdAt))))).toBeVisible()
    // Hidden in the table, shown here; copy and filter are icon buttons named by their field.
    await expect(inside.getByText('Permission ID')).toBeVisible()
    await expect(inside.getByRole('button', { name: 'Copy Email' })).toBeVisible()
    await expect(inside.getByRole('button', { name: /^Filter by Email: / })).toBeVisible()
    await expect(inside.getByRole('button', { name: 'Copy JSON: Payload' })).toBeVisible()
  },
}

/** A payload that records a change (`changes: { before, after }`): a before/after table, changes marked in words. */
export const DiffPayload: Story = {
  args: { eventId: changed.id },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    const table = within(dialog).getByRole('table', { name: 'Changes: Payload' })
    await expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Field', 'Before', 'After'])
    const status = within(table).getByRole('rowheader', { name: /status/ })
    await expect(status).toHaveTextContent('Changed')
    await expect(status.closest('tr')).toHaveTextContent(/draft.*published/)
  },
}

/** A failed event: the result is the one coloured thing in the header, with an icon and its word. */
export const FailedResult: Story = {
  args: { eventId: failed.id },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    const header = dialog.querySelector('.ral-summary') as HTMLElement
    await expect(within(header).getByText('failed')).toBeVisible()
    await expect(header.querySelector('.ral-badge--danger')).not.toBeNull()
  },
}

/** Dark (`theme="dark"`): the drawer is a raised surface above the page. */
export const Dark: Story = {
  args: { theme: 'dark', eventId: changed.id },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    await expect(getComputedStyle(dialog).colorScheme).toBe('dark')
  },
}

/** Right to left: the drawer opens on the left; ids, times and emails keep reading left to right. */
export const RightToLeft: Story = {
  args: { dir: 'rtl', locale: 'ar-EG', eventId: changed.id },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    await expect(getComputedStyle(dialog).direction).toBe('rtl')
    await expect(getComputedStyle(within(dialog).getByText(changed.id)).direction).toBe('ltr')
  },
}

/** German: every word of the drawer from `germanMessages`. */
export const German: Story = {
  args: { messages: germanMessages, locale: 'de-DE', eventId: changed.id },
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement).findByRole('dialog')
    const inside = within(dialog)
    await expect(await inside.findByRole('heading', { name: 'Was geschah' })).toBeVisible()
    await expect(inside.getByRole('button', { name: 'Schließen' })).toBeVisible()
    await expect(inside.getByRole('table', { name: 'Änderungen: Nutzdaten' })).toBeVisible()
    await expect(inside.getByText('Zeitstempel')).toBeVisible()
  },
}

/** The host bench's 1 MB event: the note's first characters, the 2,000 items collapsed until opened. */
export const OneMegabytePayload: Story = {
  args: { make: () => createMemoryAdapter([benchEvent, ...events]), eventId: benchEvent.id },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    await expect(within(dialog).getByText('[2000 items]')).toBeVisible()
    await expect(dialog.textContent.length).toBeLessThan(10_000)
    await expect(within(dialog).getByRole('button', { name: 'Show more (999,700 characters left)' })).toBeVisible()
  },
}

/** A 1 MB payload of many records opens at once, collapsed, and grows only as far as someone reads. */
export const LargePayload: Story = {
  args: { make: () => createMemoryAdapter([eventWithLargePayload(), ...events]), eventId: 'evt_large_payload' },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    const items = within(dialog).getByText('items')
    await expect(within(dialog).getByText(/^\[\d{4} items\]$/)).toBeVisible()
    await expect(dialog.querySelectorAll('.ral-json-leaf').length).toBeLessThan(20)
    await userEvent.click(items)
    await waitFor(() => expect(within(dialog).getByRole('button', { name: /^Show more/ })).toBeVisible())
    await expect(dialog.querySelectorAll('.ral-json-branch').length).toBeLessThan(120)
  },
}

/** An event with little more than an id and a time: its empty fields wait behind one toggle, nothing says "undefined". */
export const MissingFields: Story = {
  args: { make: () => createMemoryAdapter([{ id: 'evt_sparse', createdAt: 1_763_640_000_000, action: 'Login' }]), eventId: 'evt_sparse' },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    await expect(within(dialog).queryByText('Not set')).toBeNull()
    const toggle = within(dialog).getByRole('button', { name: 'Show empty fields (13)' })
    await userEvent.click(toggle)
    await expect(within(dialog).getAllByText('Not set')).toHaveLength(13)
    await expect(within(dialog).getByRole('button', { name: 'Hide empty fields' })).toHaveAttribute('aria-expanded', 'true')
    await expect(dialog.textContent).not.toMatch(/undefined|\[object Object\]/)
  },
}

/** Script tags, javascript: URLs and HTML in keys show as text and run nothing. */
export const HostilePayload: Story = {
  args: { make: () => createMemoryAdapter([hostileEvent()]), eventId: 'evt_hostile' },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    const inside = within(dialog)
    await expect(inside.getAllByText('"<script>window.__auditLogsXss = true</script>"').length).toBeGreaterThan(0)
    // A top-level key with dots in its name: listed under its quoted name, as one literal property.
    await expect(inside.getByText('"<svg onload="window.__auditLogsXss = true">"')).toBeVisible()
    // The drawer's own icons are SVG drawn by React (`.ral-icon`); none comes from the event.
    await expect(dialog.querySelectorAll('script, img, svg:not(.ral-icon), b')).toHaveLength(0)
    const links = Array.from(dialog.querySelectorAll('a')).map((link) => link.getAttribute('href'))
    await expect(links).toEqual(['https://docs.example.com/audit?x=%3Cscript%3E'])
    await expect((window as { __auditLogsXss?: unknown }).__auditLogsXss).toBeUndefined()
  },
}

const withGetEvent = (getEvent: AuditLogsAdapter['getEvent']) => (): AuditLogsAdapter => ({ ...createMemoryAdapter(events), getEvent })

/** The adapter has `getEvent`: the drawer shows the row at once and says it loads the full record. */
export const GetEventLoading: Story = {
  args: { make: withGetEvent(() => new Promise<never>(() => {})) },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    await expect(within(dialog).getByRole('status')).toHaveTextContent('Loading the full record…')
    await expect(within(dialog).getByText('Permission ID')).toBeVisible()
  },
}

/** `getEvent` fails: an alert with Retry; the row's data stays readable. */
export const GetEventFailing: Story = {
  args: {
    make: withGetEvent(async () => {
      throw new AuditLogsError('http', 'The audit-log server answered 404 Not Found.', { status: 404 })
    }),
  },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    const alert = await within(dialog).findByRole('alert')
    await expect(alert).toHaveTextContent('The full record could not be loaded. The audit-log service has no such record (error 404).')
    await expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(within(dialog).getByText('Permission ID')).toBeVisible()
  },
}

/**
 * An event with a 200,000-character note and 1,000 properties nobody configured: the drawer opens with the
 * note's first 2,000 characters and the first hundred properties, each with "Show more".
 */
export const LongTextAndManyProperties: Story = {
  args: {
    make: (): AuditLogsAdapter => {
      const many = Object.fromEntries(Array.from({ length: 1_000 }, (_, index) => [`claim_${String(index)}`, `value ${String(index)}`]))
      const note = 'The import log follows. '.repeat(9_000).slice(0, 200_000)
      return createMemoryAdapter([{ ...first, id: 'evt_long', note, ...many }, ...events.slice(1)])
    },
    eventId: 'evt_long',
  },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    await expect(within(dialog).getByRole('button', { name: 'Show more (198,000 characters left)' })).toBeVisible()
    await expect(within(dialog).getByRole('button', { name: /^Show more \(\d+ left\)$/ })).toBeVisible()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Show more (198,000 characters left)' }))
    await expect(await within(dialog).findByRole('button', { name: 'Show more (178,000 characters left)' })).toBeVisible()
  },
}

/** An event as `react-audit-logs/server` stores hostile input: replaced characters, a cut value, a clock ahead. */
const marked: AuditEvent = {
  ...first,
  id: 'evt_marked',
  createdAt: '2026-11-23T12:40:00.000Z',
  receivedAt: '2026-11-23T11:38:12.512Z',
  userAgent: 'Mozilla\ufffd/5.0 (X11; Linux x86_64)',
  payload: { fileName: 'Quarterly report\ufffd.pdf', body: 'Lorem ipsum '.repeat(40) },
  marks: [
    { path: 'userAgent', kind: 'replaced', original: '"Mozilla\\u0000/5.0 (X11; Linux x86_64)"' },
    { path: 'payload.fileName', kind: 'replaced', original: '"Quarterly report\\ud800.pdf"' },
    { path: 'payload.body', kind: 'truncated', length: 1048579, sha256: 'a3f1c2d4e5b6978812a4c6e8f0b2d4f6a8c0e2f4b6d8fa0c2e4a6c8e0f2b4d6e' },
    { path: 'createdAt', kind: 'clock-ahead', byMs: 3_707_488 },
  ],
}

/**
 * What the server recorded beside an event: when it arrived by its own clock, and each value it stored in a
 * marked form rather than refuse the event (originals kept, or their length and SHA-256), and a sender clock
 * an hour ahead.
 */
export const MarkedByServer: Story = {
  args: { make: () => createMemoryAdapter([marked, ...events]), eventId: marked.id },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    const section = within(within(dialog).getByRole('region', { name: 'Recorded by the server' }))
    await expect(section.getByText('Received')).toBeVisible()
    await expect(section.getByText('"Mozilla\\u0000/5.0 (X11; Linux x86_64)"')).toBeVisible()
    await expect(section.getByText(/The original had 1,048,579 characters/)).toBeVisible()
    await expect(section.getByText("The sender's time is 1 hour ahead of the server's clock.")).toBeVisible()
    // Shown here, so not listed again under other properties.
    await expect(within(dialog).queryByText('marks')).toBeNull()
  },
}

export const MarkedByServerDark: Story = { ...MarkedByServer, args: { ...MarkedByServer.args, theme: 'dark' } }

/** A sign-in whose actor's e-mail and IP are personal data, and whose payload carries a token a producer logged. */
const signIn: AuditEvent = {
  ...first,
  id: 'evt_sensitive',
  action: 'Signed in',
  payload: { method: 'password', session: { token: 'sess_3f9c1a7e5b', expiresInMinutes: 60 } },
}
const EMAIL = events[0]?.user.email ?? ''
const sensitiveAdapter = (): AuditLogsAdapter =>
  createMemoryAdapter([signIn, ...events], {
    sensitive: {
      fields: [
        { key: 'user.email', sensitive: 'personal' },
        { key: 'ip', sensitive: 'personal' },
      ],
      actor: { id: 'u_support', name: 'Sam Support', email: 'sam@northwind.example' },
    },
  })

/**
 * For a person who may not reveal: personal values (the e-mail, the IP) and secret-looking names at any depth
 * (`payload.session.token`) show as a placeholder with their kind, never as an empty cell, and no Reveal.
 */
export const HiddenValues: Story = {
  args: { make: sensitiveAdapter, eventId: signIn.id },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    await expect(within(dialog).getAllByText('Hidden · personal').length).toBeGreaterThanOrEqual(2)
    await expect(within(dialog).getByText('Hidden · secret')).toBeVisible()
    await expect(dialog).not.toHaveTextContent(EMAIL)
    await expect(dialog).not.toHaveTextContent('sess_3f9c1a7e5b')
    await expect(within(dialog).queryByRole('button', { name: /^Reveal / })).toBeNull()
  },
}

export const HiddenValuesDark: Story = { ...HiddenValues, args: { ...HiddenValues.args, theme: 'dark' } }

/**
 * For a person allowed to reveal (`canReveal`): Reveal beside each hidden value asks for that one value, shows
 * it in place, and the reveal is an event of its own in the same log, with the actor.
 */
export const RevealFlow: Story = {
  args: { make: sensitiveAdapter, eventId: signIn.id, canReveal: true },
  play: async ({ canvasElement }) => {
    const dialog = await drawer(canvasElement)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reveal Email (the reveal is recorded)' }))
    await expect(await within(dialog).findByText(EMAIL)).toBeVisible()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    // The drawer's close event puts focus back on its row, a task after the dialog closes: typing before that
    // would lose the rest of the words to the row.
    await waitFor(() => expect(canvasElement.ownerDocument.activeElement?.tagName).toBe('TR'))
    await userEvent.type(within(canvasElement).getByRole('searchbox'), 'revealed')
    const table = within(canvasElement).getByRole('table', { name: 'Audit log' })
    await expect(await within(table).findByText('Hidden value revealed', {}, { timeout: 10_000 })).toBeVisible()
    await expect(within(table).getByText('Sam Support')).toBeVisible()
  },
}
