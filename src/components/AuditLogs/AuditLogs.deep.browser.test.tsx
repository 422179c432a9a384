import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditEvent } from '../../core/types'
import { AuditLogs } from './AuditLogs'

/** An event whose payload nests `depth` levels deep. */
function deepEvent(depth: number): AuditEvent {
  let payload: Record<string, unknown> = { leaf: true }
  for (let level = 0; level < depth; level += 1) payload = { inner: payload }
  return { id: 'evt_deep', createdAt: '2026-03-08T12:00:00.000Z', action: 'Deep', payload }
}

const plain: AuditEvent = { id: 'evt_plain', createdAt: '2026-03-08T11:00:00.000Z', action: 'Plain' }

describe('an event of any depth', () => {
  it('nested 10,000 levels deep opens in the drawer, and the next event after it', async () => {
    render(
      <>
        <p>Host content</p>
        <AuditLogs adapter={createMemoryAdapter([deepEvent(10_000), plain])} timeZone="UTC" locale="en-US" />
      </>,
    )
    await screen.findByText('2 events')
    const rows = (): HTMLElement[] => within(screen.getByRole('table')).getAllByRole('row').slice(1)
    await userEvent.click(rows()[0]?.querySelector('td') as HTMLElement)
    // Drawn collapsed: nothing walks the whole depth before a person opens it level by level.
    const deep = await screen.findByRole('dialog')
    expect(deep).toHaveTextContent('evt_deep')
    expect(deep).toHaveTextContent('{1 key}')
    expect(screen.getByText('Host content')).toBeVisible()
    await userEvent.keyboard('{Escape}')
    await userEvent.click(rows()[1]?.querySelector('td') as HTMLElement)
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveTextContent('Plain')
  })
})
