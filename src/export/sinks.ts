/** Where an export's chunks go. A sink that is aborted leaves no file that looks complete. */
export interface CsvSink {
  /** A chunk of the file; a Blob is a part the export's Worker made. */
  write(chunk: string | Uint8Array | Blob): Promise<void>
  /** The export is complete: save or download the file. */
  close(): Promise<void>
  /** The export failed or was cancelled: discard everything written. */
  abort(): Promise<void>
}

/** Saves a Blob or URL as a download through a temporary `<a download>`. */
export function triggerDownload(source: Blob | string, fileName: string): void {
  const href = typeof source === 'string' ? source : URL.createObjectURL(source)
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the URL; revoking it later frees the Blob.
  if (typeof source !== 'string') setTimeout(() => URL.revokeObjectURL(href), 60_000)
}

/** Blob parts joined into one as they come, so the file's Blob is made from a few parts, not one per page. */
const PARTS_PER_BLOB = 32
/** Bytes of text encoded into one buffer before they become a Blob part: a few hundred pages' worth. */
const BUFFER_BYTES = 2 * 1024 * 1024
/** UTF-8 takes at most 3 bytes for each UTF-16 code unit (a surrogate pair: 4 bytes for 2). */
const MAX_BYTES_PER_UNIT = 3

/**
 * Collects chunks as Blob parts (the browser keeps them out of the JS heap) and downloads the file only
 * when the export completes. Text is encoded to UTF-8 into one reused buffer, which becomes a Blob part when
 * full: a Blob per page cost more than the writing of its rows (each one converted and copied its string on
 * its own, ~0.3 s of a 100,000-row export in a profile).
 */
export function createDownloadSink(fileName: string, download: typeof triggerDownload = triggerDownload): CsvSink {
  let parts: Blob[] = []
  let buffer: Uint8Array<ArrayBuffer> | null = null
  let filled = 0
  const encoder = new TextEncoder()
  const addPart = (part: Blob): void => {
    parts.push(part)
    // Joining 32 parts takes a moment in each of many tasks; joining 200 at the end took one long task.
    if (parts.length >= PARTS_PER_BLOB) parts = [new Blob(parts)]
  }
  // The buffered bytes become a part of their own (a Blob copies them, so the buffer is reused).
  const flush = (): void => {
    if (buffer === null || filled === 0) return
    addPart(new Blob([buffer.subarray(0, filled)]))
    filled = 0
  }
  return {
    write(chunk) {
      if (typeof chunk !== 'string') {
        flush()
        addPart(chunk instanceof Blob ? chunk : new Blob([chunk as BlobPart]))
        return Promise.resolve()
      }
      const most = chunk.length * MAX_BYTES_PER_UNIT
      if (most > BUFFER_BYTES) {
        flush()
        addPart(new Blob([chunk]))
        return Promise.resolve()
      }
      buffer ??= new Uint8Array(new ArrayBuffer(BUFFER_BYTES))
      if (filled + most > BUFFER_BYTES) flush()
      filled += encoder.encodeInto(chunk, buffer.subarray(filled)).written
      return Promise.resolve()
    },
    async close() {
      flush()
      const file = new Blob(parts, { type: 'text/csv;charset=utf-8' })
      parts = []
      buffer = null
      // The download (an object URL, a click) in a task of its own, after the one that made the file.
      await new Promise((resolve) => setTimeout(resolve, 0))
      download(file, fileName)
    },
    abort() {
      parts = []
      buffer = null
      filled = 0
      return Promise.resolve()
    },
  }
}

/**
 * Writes chunk by chunk to a file the person picked (`pickSaveFile`). Chromium writes to a temporary file
 * and moves it into place on `close`; `abort` throws it away.
 */
export async function createFileSystemSink(handle: FileSystemFileHandle): Promise<CsvSink> {
  const writable = await handle.createWritable()
  return {
    write: (chunk) => writable.write(chunk as FileSystemWriteChunkType),
    close: () => writable.close(),
    abort: () => writable.abort(),
  }
}
