import { createHash } from 'node:crypto'

import { canonicalBytes } from './canonical'

/** The hash before a tenant's first event: 32 zero bytes. */
export const GENESIS: Buffer = Buffer.alloc(32)

/** A tenant's last link: its sequence number (0 before the first event) and hash. */
export interface ChainHead {
  seq: number
  hash: Buffer
}

/** `SHA-256(previous hash ‖ RFC 8785 bytes of the stored event)`. */
export function linkHash(previous: Buffer, data: unknown): Buffer {
  return linkOfBytes(previous, canonicalBytes(data))
}

/** The same link over canonical bytes already made (a search over many candidate predecessors). */
export function linkOfBytes(previous: Buffer, canonical: Buffer): Buffer {
  return createHash('sha256').update(previous).update(canonical).digest()
}

/**
 * The links of new events appended after `head`, in order: each gets the next sequence number and the hash over
 * the one before. Returns the links and the new head.
 */
export function appendLinks(head: ChainHead, stored: readonly unknown[]): { links: ChainHead[]; head: ChainHead } {
  return appendCanonical(
    head,
    stored.map((data) => canonicalBytes(data)),
  )
}

/** The same links over the events' RFC 8785 text made already (`canonicalJson`, as ingest sends it). */
export function appendCanonical(head: ChainHead, canonical: ReadonlyArray<string | Buffer>): { links: ChainHead[]; head: ChainHead } {
  const links: ChainHead[] = []
  let current = head
  for (const text of canonical) {
    current = { seq: current.seq + 1, hash: createHash('sha256').update(current.hash).update(text).digest() }
    links.push(current)
  }
  return { links, head: current }
}
