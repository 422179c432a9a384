import { describe, expect, it, vi } from 'vitest'

import { AuditLogsError } from '../adapter/errors'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvents } from '../test-utils/events'
import { runCsvExport } from './runCsvExport'
import { createDownloadSink, createFileSystemSink } from './sinks'

/** A file handle as the File System Access API gives one, recording what the export does with the file. */
function recordingFileHandle() {
  const file = { chunks: [] as string[], closed: false, aborted: false }
  const handle = {
    createWritable: async () => ({
      write: async (chunk: string) => {
        file.chunks.push(chunk)
      },
      close: async () => {
        file.closed = true
      },
      abort: async () => {
        file.aborted = true
      },
    }),
  } as unknown as FileSystemFileHandle
  return { file, handle }
}

const fields = [{ key: 'action', label: 'Action' }]

describe('createFileSystemSink', () => {
  it('writes page by page to the picked file and commits it at the end', async () => {
    const { file, handle } = recordingFileHandle()
    const sink = await createFileSystemSink(handle)
    await runCsvExport({
      adapter: createMemoryAdapter(makeEvents(250)),
      search: {},
      fields,
      timeZone: 'UTC',
      sink,
      signal: new AbortController().signal,
      scope: 'all',
      pageSize: 50,
    })
    // The header, then one chunk per page: never one giant string.
    expect(file.chunks).toHaveLength(6)
    expect(file.chunks.join('').split('\r\n')).toHaveLength(252)
    expect(file.closed).toBe(true)
    expect(file.aborted).toBe(false)
  })

  it('aborts the file (Chromium then discards it) when the export fails', async () => {
    const { file, handle } = recordingFileHandle()
    const sink = await createFileSystemSink(handle)
    const adapter = createMemoryAdapter(makeEvents(250), {
      fail: (_query, call) => (call === 3 ? new AuditLogsError('http', 'boom', { status: 400 }) : false),
    })
    await expect(
      runCsvExport({ adapter, search: {}, fields, timeZone: 'UTC', sink, signal: new AbortController().signal, scope: 'all', pageSize: 50 }),
    ).rejects.toThrow('boom')
    expect(file.aborted).toBe(true)
    expect(file.closed).toBe(false)
  })
})

describe('createDownloadSink', () => {
  it('downloads once, at the end, and never after an abort', async () => {
    const download = vi.fn()
    const done = createDownloadSink('a.csv', download)
    await done.write('a,b\r\n')
    await done.write('1,2\r\n')
    expect(download).not.toHaveBeenCalled()
    await done.close()
    expect(download).toHaveBeenCalledTimes(1)
    const [blob, name] = download.mock.calls[0] as [Blob, string]
    expect(name).toBe('a.csv')
    expect(await blob.text()).toBe('a,b\r\n1,2\r\n')

    // Many pages: joined into fewer parts as they come, in order.
    const many = createDownloadSink('c.csv', download)
    const pages = Array.from({ length: 70 }, (_, index) => `${String(index)}\r\n`)
    for (const page of pages) await many.write(page)
    await many.close()
    expect(await (download.mock.calls[1] as [Blob, string])[0].text()).toBe(pages.join(''))

    const failed = createDownloadSink('b.csv', download)
    await failed.write('partial')
    await failed.abort()
    expect(download).toHaveBeenCalledTimes(2)
  })
})
