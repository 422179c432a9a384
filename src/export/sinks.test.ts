import { afterEach, describe, expect, it, vi } from 'vitest'

import { AuditLogsError } from '../adapter/errors'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvents } from '../test-utils/events'
import { runCsvExport } from './runCsvExport'
import { canSaveToFileSystem, pickSaveFile } from './pickSaveFile'
import { createDownloadSink, createFileSystemSink } from './sinks'

/** A stand-in for the File System Access API that records what the export does with the file. */
function fakeSaveFilePicker() {
  const file = { chunks: [] as string[], closed: false, aborted: false, suggestedName: '' }
  const picker = vi.fn(async ({ suggestedName }: { suggestedName: string }) => {
    file.suggestedName = suggestedName
    return {
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
    }
  })
  Object.assign(window, { showSaveFilePicker: picker })
  return file
}

afterEach(() => {
  Reflect.deleteProperty(window, 'showSaveFilePicker')
})

const fields = [{ key: 'action', label: 'Action' }]

describe('createFileSystemSink', () => {
  it('writes page by page to the picked file and commits it at the end', async () => {
    const file = fakeSaveFilePicker()
    expect(canSaveToFileSystem()).toBe(true)
    const sink = await createFileSystemSink(await pickSaveFile('audit-logs_start_2026-11-23.csv'))
    await runCsvExport({ adapter: createMemoryAdapter(makeEvents(250)), search: {}, fields, timeZone: 'UTC', sink, signal: new AbortController().signal, scope: 'all', pageSize: 50 })
    expect(file.suggestedName).toBe('audit-logs_start_2026-11-23.csv')
    // The header, then one chunk per page: never one giant string.
    expect(file.chunks).toHaveLength(6)
    expect(file.chunks.join('').split('\r\n')).toHaveLength(252)
    expect(file.closed).toBe(true)
    expect(file.aborted).toBe(false)
  })

  it('aborts the file (Chromium then discards it) when the export fails', async () => {
    const file = fakeSaveFilePicker()
    const sink = await createFileSystemSink(await pickSaveFile('x.csv'))
    const adapter = createMemoryAdapter(makeEvents(250), { fail: (_query, call) => (call === 3 ? new AuditLogsError('http', 'boom', { status: 400 }) : false) })
    await expect(runCsvExport({ adapter, search: {}, fields, timeZone: 'UTC', sink, signal: new AbortController().signal, scope: 'all', pageSize: 50 })).rejects.toThrow('boom')
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

    const failed = createDownloadSink('b.csv', download)
    await failed.write('partial')
    await failed.abort()
    expect(download).toHaveBeenCalledTimes(1)
  })
})
