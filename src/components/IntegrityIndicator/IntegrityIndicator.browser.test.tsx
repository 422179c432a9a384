import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { IntegrityReport } from '../../core/integrity'
import type { IntegrityProblemReason } from '../../core/problems'
import { chainEvents } from '../../core/integrityChain'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

const events = makeEvents(40, Date.UTC(2026, 2, 1, 10))

describe('the integrity indicator', () => {
  it('says quietly how far the log verified, and how many events', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events, { chain: chainEvents(events) })} timeZone="UTC" locale="en-US" />)
    expect(await screen.findByText('Verified through Mar 1, 2026, 10:39:00 AM UTC · 40 events')).toBeVisible()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('raises an alarm naming an event changed after it was stored, which opens it with its sequence, hash and state', async () => {
    const chain = chainEvents(events)
    const altered = events.map((event) => (event.id === 'e000017' ? { ...event, user: { name: 'Someone Else', email: 'else@example.com' } } : event))
    render(<AuditLogs adapter={createMemoryAdapter(altered, { chain })} timeZone="UTC" locale="en-US" />)

    const alarm = await screen.findByRole('alert')
    expect(alarm).toHaveTextContent('This audit log was altered Event "e000017" was changed after it was recorded.')
    await userEvent.click(within(alarm).getByRole('button', { name: 'Open the event' }))

    const drawer = await screen.findByRole('dialog')
    expect(within(drawer).getByText('e000017')).toBeVisible()
    expect(await within(drawer).findByRole('alert')).toHaveTextContent('Altered. Changed, moved or signed falsely after it was recorded.')
    const block = drawer.querySelector<HTMLElement>('.ral-integrity-block')
    if (!block) throw new Error('no Integrity section in the drawer')
    const section = within(block)
    expect(section.getByText('#18')).toBeInTheDocument()
    expect(section.getByText((await chain)[17]?.hash ?? 'missing')).toBeInTheDocument()
    // The events before it still verify; the ones after it cannot be vouched for.
    await userEvent.keyboard('p')
    await expect.poll(() => within(drawer).queryByText('#19')).not.toBeNull()
    expect(within(drawer).getByText('Unknown')).toBeInTheDocument()
  })

  // What the server names after each attack of `src/server/chain/tamper.test.ts`, as its adapter delivers it.
  const attacks: Array<[IntegrityProblemReason, string | null, string]> = [
    ['content-changed', 'e000005', 'Event "e000005" was changed after it was recorded.'],
    ['event-missing', 'e000005', 'The event recorded before "e000005" (#5) was removed.'],
    ['order-changed', 'e000005', 'Event "e000005" was moved from its place in the log.'],
    ['checkpoint-signature', 'e000005', 'The signed checkpoint at event "e000005" is not genuine.'],
    ['checkpoint-mismatch', 'e000005', 'The log was rewritten before event "e000005": it no longer matches its signed checkpoint.'],
    ['event-missing', null, 'Events from #5 on were removed from the log.'],
  ]
  it.each(attacks)('names %s at the event the server names (%s)', async (reason, eventId, sentence) => {
    const report: IntegrityReport = {
      verifiedThrough: { seq: 4, createdAt: '2026-03-01T10:03:00.000Z' },
      events: 4,
      unchained: 0,
      checkpoint: null,
      problem: { reason, seq: 5, eventId, message: 'from the server' },
    }
    const adapter: AuditLogsAdapter = { ...createMemoryAdapter(events), verifyIntegrity: () => Promise.resolve(report) }
    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />)
    const alarm = await screen.findByRole('alert')
    expect(alarm).toHaveTextContent(sentence)
    expect(within(alarm).queryByRole('button', { name: 'Open the event' }) !== null).toBe(eventId !== null)
  })

  it('shows nothing for an adapter without the capability, and only a quiet line when the check fails', async () => {
    const { unmount } = render(<AuditLogs adapter={createMemoryAdapter(events)} timeZone="UTC" locale="en-US" />)
    await screen.findByText('40 events')
    expect(document.querySelector('.ral-integrity')).toBeNull()
    unmount()
    const failing: AuditLogsAdapter = {
      ...createMemoryAdapter(events),
      verifyIntegrity: () => Promise.resolve({ events: 'all fine' } as unknown as IntegrityReport),
    }
    render(<AuditLogs adapter={failing} timeZone="UTC" locale="en-US" />)
    expect(await screen.findByText('The integrity of this log could not be checked.')).toBeVisible()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
