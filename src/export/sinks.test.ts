import { describe, expect, it, vi } from 'vitest'

import { AuditLogsError } from '../adapter/errors'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvents } from '../../test/support/events'
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

  it('writes the bytes a Blob of the same chunks holds, however the chunks fill its buffer', async () => {
    const download = vi.fn()
    const sink = createDownloadSink('d.csv', download)
    // Text of one, two, three and four UTF-8 bytes a character, a lone surrogate (U+FFFD in UTF-8, as a Blob
    // writes it), pages that fill the buffer many times over, one chunk larger than the buffer, and parts
    // that are bytes or Blobs already, in between.
    const mixed = 'a,"Über",日本,😀,\uD800,\uFEFF\r\n'
    const chunks: (string | Uint8Array | Blob)[] = ['\uFEFFTime,Action\r\n']
    for (let page = 0; page < 150; page += 1) {
      // Mostly three bytes a character (the most UTF-8 takes for one UTF-16 unit), of uneven lengths.
      chunks.push(`${String(page)},${'日本語'.repeat(2_000 + ((page * 7_919) % 12_000))},${mixed.repeat(1 + (page % 5))}`)
      if (page === 20) chunks.push(new TextEncoder().encode('bytes,chunk\r\n'))
      if (page === 40) chunks.push(new Blob(['blob,chunk\r\n']))
    }
    chunks.push('x'.repeat(2_500_000), 'last\r\n')
    for (const chunk of chunks) await sink.write(chunk)
    await sink.close()
    const [file] = download.mock.calls[0] as [Blob, string]
    const expected = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer())
    const written = new Uint8Array(await file.arrayBuffer())
    expect(written.length).toBe(expected.length)
    // Compared byte by byte here: a deep equality of megabytes takes the matcher minutes.
    expect(written.findIndex((byte, at) => byte !== expected[at])).toBe(-1)
  })
})
