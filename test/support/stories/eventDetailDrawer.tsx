import { within } from 'storybook/test'

import { AuditLogsError } from '../../../src/adapter/errors'
import { createMemoryAdapter } from '../../../src/adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../../src/adapter/types'
import type { AuditEvent } from '../../../src/core/types'
import { generateAuditEvents } from '../../../src/msw/generateEvents'

// The events, adapters and helpers of the EventDetailDrawer stories (src/components/EventDetailDrawer/EventDetailDrawer.stories.tsx).

export const events = generateAuditEvents({ count: 120, seed: 5, end: Date.UTC(2026, 10, 23, 12) })
export const first = events[0] as AuditEvent

/** A content change as the generator records it: `changes: { before, after }`. */
export const changed = events.find((event) => event.module === 'content') as AuditEvent
/** A failed event. */
export const failed = events.find((event) => event.result === 'failed') as AuditEvent
/** The host bench's event: a 1,000,000-character note and 2,000 items. */
export const benchEvent: AuditEvent = {
  ...first,
  id: 'evt_1mb',
  payload: { note: 'x'.repeat(1_000_000), items: Array.from({ length: 2_000 }, (_, index) => ({ index, sku: `sku-${String(index)}` })) },
}

/** The open drawer, once its body (loaded on first open) is drawn. */
export async function drawer(canvasElement: HTMLElement): Promise<HTMLElement> {
  const dialog = await within(canvasElement).findByRole('dialog')
  await within(dialog).findByRole('heading', { name: 'What happened' })
  return dialog
}

/** A memory adapter over the events whose `getEvent` is the one given. */
export const withGetEvent = (getEvent: AuditLogsAdapter['getEvent']) => (): AuditLogsAdapter => ({ ...createMemoryAdapter(events), getEvent })

/** A `getEvent` that fails as a server without the record answers. */
export const failingWith404 = async (): Promise<never> => {
  throw new AuditLogsError('http', 'The audit-log server answered 404 Not Found.', { status: 404 })
}

/** The events with the first given a 200,000-character note and 1,000 properties nobody configured. */
export const adapterWithLongTextAndManyProperties = (): AuditLogsAdapter => {
  const many = Object.fromEntries(Array.from({ length: 1_000 }, (_, index) => [`claim_${String(index)}`, `value ${String(index)}`]))
  const note = 'The import log follows. '.repeat(9_000).slice(0, 200_000)
  return createMemoryAdapter([{ ...first, id: 'evt_long', note, ...many }, ...events.slice(1)])
}

/** An event as `react-audit-logs/server` stores hostile input: replaced characters, a cut value, a clock ahead. */
export const marked: AuditEvent = {
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

/** A sign-in whose actor's e-mail and IP are personal data, and whose payload carries a token a producer logged. */
export const signIn: AuditEvent = {
  ...first,
  id: 'evt_sensitive',
  action: 'Signed in',
  payload: { method: 'password', session: { token: 'sess_3f9c1a7e5b', expiresInMinutes: 60 } },
}
export const EMAIL = events[0]?.user.email ?? ''
export const sensitiveAdapter = (): AuditLogsAdapter =>
  createMemoryAdapter([signIn, ...events], {
    sensitive: {
      fields: [
        { key: 'user.email', sensitive: 'personal' },
        { key: 'ip', sensitive: 'personal' },
      ],
      actor: { id: 'u_support', name: 'Sam Support', email: 'sam@northwind.example' },
    },
  })
