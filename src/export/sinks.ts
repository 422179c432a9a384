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

/**
 * Collects chunks as Blob parts (the browser keeps them out of the JS heap) and downloads the file only
 * when the export completes.
 */
export function createDownloadSink(fileName: string, download: typeof triggerDownload = triggerDownload): CsvSink {
  let parts: Blob[] = []
  return {
    write(chunk) {
      parts.push(chunk instanceof Blob ? chunk : new Blob([chunk as BlobPart]))
      // Joining 32 parts takes a moment in each of many tasks; joining 200 at the end took one long task.
      if (parts.length >= PARTS_PER_BLOB) parts = [new Blob(parts)]
      return Promise.resolve()
    },
    async close() {
      const file = new Blob(parts, { type: 'text/csv;charset=utf-8' })
      parts = []
      // The download (an object URL, a click) in a task of its own, after the one that made the file.
      await new Promise((resolve) => setTimeout(resolve, 0))
      download(file, fileName)
    },
    abort() {
      parts = []
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
