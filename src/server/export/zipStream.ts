/** One file of a zip: its name and its bytes, streamed, or made once the files before it are written. */
export interface ZipEntry {
  name: string
  body: ReadableStream<Uint8Array> | (() => Promise<Uint8Array>)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let crc = index
  for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1
  return crc >>> 0
})

function crc32(crc: number, bytes: Uint8Array): number {
  let value = ~crc >>> 0
  for (const byte of bytes) value = (CRC_TABLE[(value ^ byte) & 0xff] ?? 0) ^ (value >>> 8)
  return ~value >>> 0
}

function record(size: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size)
  fill(new DataView(bytes.buffer))
  return bytes
}

// Bit 3: sizes and CRC follow the data (it is streamed); bit 11: names are UTF-8.
const FLAGS = 0x0808
const LIMIT = 0xffffffff

async function* bodyOf(entry: ZipEntry): AsyncGenerator<Uint8Array> {
  if (typeof entry.body === 'function') {
    yield await entry.body()
    return
  }
  const reader = entry.body.getReader()
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield chunk.value
  } finally {
    // A cancelled download stops the file's own stream (an export stops reading the database).
    await reader.cancel().catch(() => undefined)
  }
}

async function* zipChunks(entries: readonly ZipEntry[]): AsyncGenerator<Uint8Array> {
  const central: Uint8Array[] = []
  let offset = 0
  const counted = (bytes: Uint8Array): Uint8Array => {
    offset += bytes.length
    if (offset > LIMIT) throw new Error('The export is larger than a zip without ZIP64 can hold (4 GiB).')
    return bytes
  }
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name)
    const start = offset
    yield counted(
      record(30, (view) => {
        view.setUint32(0, 0x04034b50, true)
        view.setUint16(4, 20, true)
        view.setUint16(6, FLAGS, true)
        view.setUint16(26, name.length, true)
      }),
    )
    yield counted(name)
    let crc = 0
    let size = 0
    for await (const bytes of bodyOf(entry)) {
      crc = crc32(crc, bytes)
      size += bytes.length
      yield counted(bytes)
    }
    yield counted(
      record(16, (view) => {
        view.setUint32(0, 0x08074b50, true)
        view.setUint32(4, crc, true)
        view.setUint32(8, size, true)
        view.setUint32(12, size, true)
      }),
    )
    central.push(
      record(46, (view) => {
        view.setUint32(0, 0x02014b50, true)
        view.setUint16(4, 20, true)
        view.setUint16(6, 20, true)
        view.setUint16(8, FLAGS, true)
        view.setUint32(16, crc, true)
        view.setUint32(20, size, true)
        view.setUint32(24, size, true)
        view.setUint16(28, name.length, true)
        view.setUint32(42, start, true)
      }),
      name,
    )
  }
  const directoryStart = offset
  for (const bytes of central) yield counted(bytes)
  yield record(22, (view) => {
    view.setUint32(0, 0x06054b50, true)
    view.setUint16(8, entries.length, true)
    view.setUint16(10, entries.length, true)
    view.setUint32(12, offset - directoryStart, true)
    view.setUint32(16, directoryStart, true)
  })
}

/**
 * A zip archive (stored, not compressed: it only carries a file and its manifest together) written as the
 * reader asks for it, so memory stays flat for any file size and the reader's pace sets the database's. Files
 * over 4 GiB in all (ZIP64) are refused.
 */
export function zipStream(entries: readonly ZipEntry[]): ReadableStream<Uint8Array> {
  const chunks = zipChunks(entries)
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next()
        if (next.done) controller.close()
        else controller.enqueue(next.value)
      },
      async cancel() {
        await chunks.return(undefined)
      },
    },
    { highWaterMark: 1 },
  )
}
