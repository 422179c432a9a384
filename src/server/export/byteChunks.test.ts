import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { byteChunks } from './byteChunks'

describe('byteChunks', () => {
  it('hands on every byte once, in order, written as text or into reserved room, and never writes into a chunk it handed on', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.boolean(), fc.boolean()), { maxLength: 60 }), (writes) => {
        const chunks = byteChunks(64)
        const taken: Uint8Array[] = []
        // Copies of each chunk as it was handed on: a later write must not change the chunk itself.
        const copies: Buffer[] = []
        const takeAll = () => {
          for (const chunk of chunks.take()) {
            taken.push(chunk)
            copies.push(Buffer.from(chunk))
          }
        }
        for (const [text, take, asBytes] of writes) {
          // Text, or its bytes written into the room `reserve` gives (what the COPY rows' writer does).
          if (asBytes) {
            const bytes = Buffer.from(text)
            const buffer = chunks.reserve(bytes.length)
            bytes.copy(buffer, chunks.end())
            chunks.commit(chunks.end() + bytes.length)
          } else chunks.write(text)
          if (take) takeAll()
        }
        takeAll()
        expect(Buffer.concat(taken).toString('utf8')).toBe(writes.map(([text]) => text).join(''))
        taken.forEach((chunk, index) => expect(Buffer.from(chunk).equals(copies[index] as Buffer)).toBe(true))
      }),
    )
  })
})
