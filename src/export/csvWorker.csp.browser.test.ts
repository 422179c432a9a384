import { describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvents } from '../../test/support/events'
import { runCsvExport } from './runCsvExport'
import { createDownloadSink } from './sinks'

// A file of its own: the policy it sets stays on this test page for the rest of the file.
describe('the export under a Content Security Policy that forbids Workers', () => {
  it('writes the file on the main thread, byte for byte as without the Worker option', async () => {
    const policy = document.createElement('meta')
    policy.httpEquiv = 'Content-Security-Policy'
    policy.content = "worker-src 'none'"
    document.head.append(policy)
    const violations: string[] = []
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective))

    const events = makeEvents(40)
    const fields = [
      { key: 'createdAt', label: 'Time', type: 'datetime' as const },
      { key: 'action', label: 'Action' },
    ]
    const exportAll = async (worker: boolean): Promise<{ text: string; blobParts: number; rows: number | undefined }> => {
      let file: Blob | undefined
      const download = createDownloadSink('audit.csv', (blob) => {
        if (typeof blob !== 'string') file = blob
      })
      let blobParts = 0
      const result = await runCsvExport({
        adapter: createMemoryAdapter(events),
        search: {},
        fields,
        timeZone: 'Europe/Prague',
        sink: {
          write: (chunk) => {
            if (chunk instanceof Blob) blobParts += 1
            return download.write(chunk)
          },
          close: () => download.close(),
          abort: () => download.abort(),
        },
        signal: new AbortController().signal,
        scope: 'all',
        now: Date.UTC(2030, 0, 1),
        pageSize: 5,
        worker,
      })
      return { text: (await file?.text()) ?? '', blobParts, rows: result.rows }
    }

    const withWorker = await exportAll(true)
    const without = await exportAll(false)
    expect(violations).toContain('worker-src')
    expect(withWorker.blobParts).toBe(0)
    expect(withWorker.rows).toBe(40)
    expect(withWorker.text).toBe(without.text)
  })
})
