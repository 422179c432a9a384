/** Bytes of a buffer the export writes into: large enough that a buffer's overhead does not count. */
const CHUNK_BYTES = 256 * 1024

/**
 * UTF-8 bytes written into large buffers outside the JavaScript heap and handed on as views of them, as Node's
 * own buffer pool does: a buffer is filled to its end across batches (a view handed on is never written
 * again), so the memory allocated is about the bytes written, and the text of a row dies as soon as it is
 * written, whatever the batch size.
 */
export function byteChunks(chunkBytes = CHUNK_BYTES) {
  let buffer = Buffer.allocUnsafe(chunkBytes)
  // Bytes before `start` are handed on; those from `start` to `used` are written, not yet handed on.
  let start = 0
  let used = 0
  let full: Uint8Array[] = []
  return {
    write(text: string): void {
      const room = buffer.length - used
      // A UTF-16 unit is at most 3 bytes of UTF-8: only a text that may not fit is measured.
      if (text.length * 3 > room) {
        const bytes = Buffer.byteLength(text)
        if (bytes > room) {
          if (used > start) full.push(buffer.subarray(start, used))
          buffer = Buffer.allocUnsafe(Math.max(chunkBytes, bytes))
          start = used = 0
        }
      }
      used += buffer.write(text, used)
    },
    /** The chunks written since the last call. */
    take(): Uint8Array[] {
      if (used > start) {
        full.push(buffer.subarray(start, used))
        start = used
      }
      const taken = full
      full = []
      return taken
    },
  }
}
