import { render, screen, within } from '@testing-library/react'
import { setupWorker } from 'msw/browser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { AuditLogPage } from '../examples/embed/AuditLogPage'
import { CustomAuditLogPage } from '../examples/embed/CustomLayout'
import { createAuditLogsHandlers } from '../src/msw/handlers'
import { chipText } from './support/chips'

// The README's embed example against the REST contract, mocked in the browser as the demo portal is.
const worker = setupWorker(
  ...createAuditLogsHandlers({
    baseUrl: '/api/audit-logs',
    events: [
      { id: 'evt_1', createdAt: '2026-03-08T12:00:00.000Z', action: 'user.login', severity: 'Info' },
      { id: 'evt_2', createdAt: '2026-03-07T12:00:00.000Z', action: 'user.login', severity: 'High', result: 'failed' },
      { id: 'evt_3', createdAt: '2026-03-06T12:00:00.000Z', action: 'api_key.created', severity: 'Info', result: 'success' },
    ],
  }),
)

beforeAll(async () => {
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
})

afterAll(() => {
  worker.stop()
})

const firstRowTime = (): string | null | undefined => within(screen.getByRole('table')).getAllByRole('row')[1]?.querySelector('time')?.textContent

describe("the README's embed example, as written", () => {
  it('starts in Europe/Prague and its zone picker changes the times shown', async () => {
    render(<AuditLogPage />)
    await screen.findByText('3 events')
    // 12:00 UTC is 13:00 in Prague in March.
    expect(firstRowTime()).toMatch(/1:00:00\sPM/)
    await userEvent.click(screen.getByRole('button', { name: /^Date range:/ }))
    await userEvent.click(await screen.findByRole('button', { name: 'Change the time zone' }))
    const zone = screen.getByRole('combobox', { name: 'Time zone' })
    expect(zone).toHaveValue('Europe/Prague')
    expect(zone).toBeEnabled()

    await userEvent.selectOptions(zone, 'UTC')
    expect(zone).toHaveValue('UTC')
    await expect.poll(firstRowTime).toMatch(/12:00:00\sPM/)
  })
})

describe("docs/embedding.md's custom layout, as written", () => {
  it("puts the host's own part in the command bar, and it changes the search through useAuditLogs", async () => {
    render(<CustomAuditLogPage />)
    await screen.findByText('3 events')
    const onlyFailures = screen.getByRole('button', { name: 'Only failures' })
    await userEvent.click(onlyFailures)
    await screen.findByText('1 event')
    expect(onlyFailures).toHaveAttribute('aria-pressed', 'true')
    expect(within(screen.getByRole('list', { name: 'Filters' })).getByText(chipText('Result: failed'))).toBeInTheDocument()
    await userEvent.click(onlyFailures)
    await screen.findByText('3 events')
  })
})
