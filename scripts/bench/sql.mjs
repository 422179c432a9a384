// Raw-SQL baselines for the server figures: COPY through pg-copy-streams, timed on one pooled connection.
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import copyStreams from 'pg-copy-streams'

/** Runs `COPY … TO STDOUT` and counts its lines and bytes without keeping them. */
export async function copyOut(pool, sql) {
  const client = await pool.connect()
  try {
    let rows = 0
    let bytes = 0
    const start = performance.now()
    await pipeline(
      client.query(copyStreams.to(sql)),
      new Writable({
        write(chunk, _encoding, done) {
          bytes += chunk.length
          for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) rows += 1
          done()
        },
      }),
    )
    return { rows, bytes, seconds: (performance.now() - start) / 1000 }
  } finally {
    client.release()
  }
}

/** Runs `COPY … FROM STDIN` with some lines of text. */
export async function copyIn(pool, sql, lines) {
  const { Readable } = await import('node:stream')
  const client = await pool.connect()
  try {
    const start = performance.now()
    await pipeline(Readable.from(lines), client.query(copyStreams.from(sql)))
    return (performance.now() - start) / 1000
  } finally {
    client.release()
  }
}

/** Median and range of some rates, as "median (min–max)". */
export function spread(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  const round = (value) => Math.round(value).toLocaleString('en')
  return { median, text: `${round(median)} (${round(sorted[0] ?? 0)}–${round(sorted.at(-1) ?? 0)})` }
}
