import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import { germanMessages } from '../../core/messages.de'
import { AuditLogs, type AuditLogsProps } from '../AuditLogs/AuditLogs'
import { eventWithLargePayload, hostileEvent } from '../../../test/support/payloads'
import {
  adapterWithLongTextAndManyProperties,
  benchEvent,
  changed,
  drawer,
  EMAIL,
  events,
  failed,
  failingWith404,
  first,
  marked,
  sensitiveAdapter,
  signIn,
  withGetEvent,
} from '../../../test/support/stories/eventDetailDrawer'
import {
  findNothingRun,
  readTheChanges,
  readTheSummaryFirst,
  readWhatTheServerRecorded,
  revealAndFindTheRecord,
} from '../../../test/support/stories/eventDetailDrawerPlays'

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

const meta = {
  title: 'EventDetailDrawer',
  component: OpenEvent,
  args: { make: (): AuditLogsAdapter => createMemoryAdapter(events), eventId: first.id },
} satisfies Meta<typeof OpenEvent>

export default meta
type Story = StoryObj<typeof meta>

/**
 * A typical event, summary first: the action, who, how it ended, when and the id in the header; then what
 * happened, the context and the payload; the time in every form collapsed at the end.
 */
export const TypicalEvent: Story = {
  play: readTheSummaryFirst,
}

/** A payload that records a change (`changes: { before, after }`): a before/after table, changes marked in words. */
export const DiffPayload: Story = {
  args: { eventId: changed.id },
  play: readTheChanges,
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
  play: findNothingRun,
}

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
    make: withGetEvent(failingWith404),
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
    make: adapterWithLongTextAndManyProperties,
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

/**
 * What the server recorded beside an event: when it arrived by its own clock, and each value it stored in a
 * marked form rather than refuse the event (originals kept, or their length and SHA-256), and a sender clock
 * an hour ahead.
 */
export const MarkedByServer: Story = {
  args: { make: () => createMemoryAdapter([marked, ...events]), eventId: marked.id },
  play: readWhatTheServerRecorded,
}

export const MarkedByServerDark: Story = { ...MarkedByServer, args: { ...MarkedByServer.args, theme: 'dark' } }

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
  play: revealAndFindTheRecord,
}
