import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { downloadCsv } from '../../../test/support/downloads'
import { AuditLogs } from './AuditLogs'

// Whoever can write one property into an event tries to pass as another user: a literal "user.email" (and
// "user.name") beside the real nested user.
const spoofed = {
  id: 'evt_spoof',
  createdAt: '2026-03-08T12:00:00.000Z',
  action: 'Role assigned',
  user: { name: 'Mallory', email: 'mallory@example.com' },
  'user.email': 'ceo@example.com',
  'user.name': 'The CEO',
}

describe('a literal property named like a path', () => {
  it('never shows as the actor: the row, the drawer and the CSV carry the real user; the drawer lists it under its quoted name', async () => {
    render(<AuditLogs adapter={createMemoryAdapter([spoofed])} timeZone="UTC" locale="en-US" />)
    await screen.findByText('1 event')
    const row = within(screen.getByRole('table')).getAllByRole('row')[1] as HTMLElement
    expect(row).toHaveTextContent('mallory@example.com')
    expect(row).toHaveTextContent('Mallory')
    expect(row).not.toHaveTextContent('ceo@example.com')
    expect(row).not.toHaveTextContent('The CEO')

    // The time cell: the email cell is a mailto link, which does its own thing.
    await userEvent.click(row.querySelector('td') as HTMLElement)
    const dialog = await screen.findByRole('dialog')
    const item = (name: string): HTMLElement | null => dialog.querySelector(`[data-field='${name}']`)
    expect(item('user.email')).toHaveTextContent('mallory@example.com')
    expect(item('"user.email"')).toHaveTextContent('"user.email"ceo@example.com')
    expect(item('"user.name"')).toHaveTextContent('The CEO')
    await userEvent.keyboard('{Escape}')

    const { rows } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    const header = rows[0] ?? []
    expect(rows[1]?.[header.indexOf('Email')]).toBe('mallory@example.com')
    expect(rows[1]?.[header.indexOf('User')]).toBe('Mallory')
    expect(rows.flat()).not.toContain('ceo@example.com')
  })
})
