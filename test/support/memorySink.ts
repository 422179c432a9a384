import type { CsvSink } from '../../src/export/sinks'

/** A sink that keeps what it is given, for tests. */
export function createMemorySink(): CsvSink & { text: () => string; closed: boolean; aborted: boolean; chunks: string[] } {
  const chunks: string[] = []
  const sink = {
    chunks,
    closed: false,
    aborted: false,
    text: () => chunks.join(''),
    async write(chunk: string | Uint8Array | Blob) {
      // Blob parts come from the export's Worker, in a browser; a test that reads them uses a download sink.
      if (chunk instanceof Blob) throw new Error('The memory sink reads text and bytes, not Blob parts: pass worker: false.')
      chunks.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk))
    },
    async close() {
      sink.closed = true
    },
    async abort() {
      sink.aborted = true
      chunks.length = 0
    },
  }
  return sink
}
