import { describe, expect, it } from 'vitest'

import type { AuditLogsAdapter } from '../adapter/types'
import { base, parse } from '../../test/support/csvExportRun'
import { makeEvents } from '../../test/support/events'
import { createMemorySink } from '../../test/support/memorySink'
import { runCsvExport } from './runCsvExport'

describe('runCsvExport with a server-side export', () => {
  it('hands the pinned search and the exported columns to the adapter and streams its bytes to the file', async () => {
    const requests: unknown[] = []
    const adapter: AuditLogsAdapter = {
      listEvents: () => {
        throw new Error('a server export does not page through listEvents')
      },
      exportCsv: async (request) => {
        requests.push(request)
        const bytes = new TextEncoder().encode('Time,Action\r\n2026-01-01T00:00:00.000Z,save\r\n')
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes.slice(0, 10))
            controller.enqueue(bytes.slice(10))
            controller.close()
          },
        })
        return { stream }
      },
    }
    const sink = createMemorySink()
    const result = await runCsvExport({ ...base, adapter, search: { search: 'save' }, sink, signal: new AbortController().signal, fileName: 'f.csv' })
    expect(result.rows).toBeUndefined()
    expect(sink.text()).toBe('Time,Action\r\n2026-01-01T00:00:00.000Z,save\r\n')
    expect(sink.closed).toBe(true)
    expect(requests).toEqual([
      {
        query: { search: 'save', to: '2030-01-01T00:00:00.000Z' },
        columns: [
          { key: 'createdAt', label: 'Time' },
          { key: 'action', label: 'Action' },
          { key: 'user.name', label: 'User' },
        ],
        timeZone: 'UTC',
        fileName: 'f.csv',
      },
    ])
  })

  it('still pages through the adapter for "loaded rows only"', async () => {
    const adapter: AuditLogsAdapter = { listEvents: async () => ({ events: [] }), exportCsv: () => Promise.reject(new Error('not for loaded rows')) }
    const sink = createMemorySink()
    await runCsvExport({ ...base, adapter, search: {}, scope: 'loaded', loadedEvents: makeEvents(2), sink, signal: new AbortController().signal })
    expect(parse(sink.text())).toHaveLength(3)
  })
})
