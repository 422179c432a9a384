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
  /** Makes room for `bytes` more bytes at `used`, in a new buffer if this one has not that much left. */
  const reserve = (bytes: number): void => {
    if (bytes <= buffer.length - used) return
    if (used > start) full.push(buffer.subarray(start, used))
    buffer = Buffer.allocUnsafe(Math.max(chunkBytes, bytes))
    start = used = 0
  }
  return {
    write(text: string): void {
      // A UTF-16 unit is at most 3 bytes of UTF-8: only a text that may not fit is measured.
      if (text.length * 3 > buffer.length - used) reserve(Buffer.byteLength(text))
      used += buffer.write(text, used)
    },
    /**
     * The buffer to write at most `bytes` bytes into, from `end()` on, for a writer that makes its bytes itself;
     * `commit` then tells how far it wrote. Valid until the next call of any other method.
     */
    reserve(bytes: number): Buffer {
      reserve(bytes)
      return buffer
    },
    /** Where the next byte goes in the buffer `reserve` gave. */
    end: (): number => used,
    /** The bytes up to `end` (of the buffer `reserve` gave) are written. */
    commit(end: number): void {
      used = end
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

export type ByteChunks = ReturnType<typeof byteChunks>
