import { render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { downloadCsv } from '../../../test/support/downloads'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

// Every Worker the page starts, by its script's address.
const started: string[] = []
const OriginalWorker = window.Worker
beforeEach(() => {
  started.length = 0
  window.Worker = class extends OriginalWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      started.push(String(url))
      super(url, options)
    }
  }
})
afterEach(() => {
  window.Worker = OriginalWorker
})

describe("the export's Worker from <AuditLogs>", () => {
  it.each([
    [true, 1],
    [false, 0],
  ])('csvOptions={{ worker: %s }} writes every row with %i export Worker started', async (worker, workers) => {
    render(<AuditLogs adapter={createMemoryAdapter(makeEvents(120))} csvOptions={{ worker, pageSize: 20 }} timeZone="UTC" locale="en-US" />)
    await screen.findByText('120 events')
    const { name, rows } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    expect(rows).toHaveLength(121)
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(120)
    await screen.findByText(`Downloaded 120 events to ${name}.`)
    expect(started.filter((url) => url.includes('csvWorker'))).toHaveLength(workers)
  })
})
