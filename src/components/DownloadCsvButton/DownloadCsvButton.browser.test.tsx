import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import { downloadCsv } from '../../../test/support/downloads'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

describe('Download CSV in Chromium', () => {
  it('with the defaults, saves the file to the browser’s downloads: every matching event', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(120))} pageSize={20} timeZone="UTC" locale="en-US" />)
    await screen.findByText('120 events')
    const { name, bom, rows } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    expect(name).toMatch(/^audit-logs_start_\d{4}-\d{2}-\d{2}\.csv$/)
    expect(bom).toBe(true)
    expect(rows).toHaveLength(121)
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(120)
    await screen.findByText(`Downloaded 120 events to ${name}.`)
  })

  it("with saveWith 'picker', asks where to save; a closed dialog cancels and saves nothing", async () => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(5))} csvOptions={{ saveWith: 'picker' }} timeZone="UTC" locale="en-US" />)
    await screen.findByText('5 events')
    // Headless Chromium answers the save dialog as a person closing it would.
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    await screen.findByText('Export cancelled. No file was saved.')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('downloads the file a server export answers with, as it is, under the range’s name', async () => {
    const adapter: AuditLogsAdapter = {
      ...createMemoryAdapter(makeEvents(5)),
      // The server made the file and answers with where it is.
      exportCsv: async () => ({
        url: `data:text/csv;charset=utf-8,${encodeURIComponent('Time,Action\r\n2026-01-01T00:00:00.000Z,made by the server\r\n')}`,
      }),
    }
    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />)
    await screen.findByText('5 events')
    const { name, rows } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    expect(name).toMatch(/^audit-logs_start_\d{4}-\d{2}-\d{2}\.csv$/)
    expect(rows).toEqual([
      ['Time', 'Action'],
      ['2026-01-01T00:00:00.000Z', 'made by the server'],
    ])
    await screen.findByText(`Downloaded ${name}, prepared by the server.`)
  })
})
