import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'

import { canonicalBytes } from './canonical'

/** Signed checkpoints: the store signs its tenants' chain heads with the host's Ed25519 key. */
export interface CheckpointOptions {
  /** An Ed25519 private key (a `KeyObject` or PEM text). Keep it outside the database. */
  privateKey: KeyObject | string
  /** The name of this key; verification finds the public key by it, so a rotated key keeps its old checkpoints valid. */
  keyId: string
  /** Sign once this many events were appended since the last checkpoint. Defaults to `1000`. */
  everyEvents?: number
  /** Sign once this long (ms) has passed since the last checkpoint, at the next append. Defaults to 10 minutes. */
  everyMs?: number
}

/** The checkpoint settings in effect. */
export interface Signer {
  privateKey: KeyObject
  keyId: string
  everyEvents: number
  everyMs: number
}

/** What a checkpoint signs. */
export interface Checkpoint {
  tenantId: string
  seq: number
  hash: Buffer
  signedAt: Date
  keyId: string
}

/** Public keys by key id: a map, a record, or PEM text. */
export type PublicKeys = ReadonlyMap<string, KeyObject | string> | Readonly<Record<string, KeyObject | string>>

/**
 * The bytes an Ed25519 checkpoint signature covers: RFC 8785 JSON of the tenant, sequence number, hash (hex),
 * time and key id, under a format name so the signature cannot be replayed as anything else.
 */
export function checkpointMessage(checkpoint: Checkpoint): Buffer {
  return canonicalBytes({
    format: 'react-audit-logs/checkpoint@1',
    tenantId: checkpoint.tenantId,
    seq: checkpoint.seq,
    hash: checkpoint.hash.toString('hex'),
    signedAt: checkpoint.signedAt.toISOString(),
    keyId: checkpoint.keyId,
  })
}

export const asPrivateKey = (key: KeyObject | string): KeyObject => (typeof key === 'string' ? createPrivateKey(key) : key)

const asPublicKey = (key: KeyObject | string): KeyObject => (typeof key === 'string' ? createPublicKey(key) : key)

export function signCheckpoint(checkpoint: Checkpoint, privateKey: KeyObject): Buffer {
  return sign(null, checkpointMessage(checkpoint), privateKey)
}

/** Whether a checkpoint's signature verifies under the public key of its key id (an unknown id never does). */
export function checkpointSignatureHolds(checkpoint: Checkpoint, signature: Buffer, keys: ReadonlyMap<string, KeyObject | string>): boolean {
  const key = keys.get(checkpoint.keyId)
  if (key === undefined) return false
  try {
    return verify(null, checkpointMessage(checkpoint), asPublicKey(key), signature)
  } catch {
    return false
  }
}

/** The checkpoint settings in effect, with the key parsed once (a malformed key fails when the store is made). */
export function signerOf(options: CheckpointOptions): Signer {
  const privateKey = asPrivateKey(options.privateKey)
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new TypeError('checkpoints.privateKey must be an Ed25519 private key.')
  if (options.keyId === '') throw new TypeError('checkpoints.keyId must not be empty.')
  return { privateKey, keyId: options.keyId, everyEvents: options.everyEvents ?? 1000, everyMs: options.everyMs ?? 10 * 60_000 }
}

/** The public keys verification trusts: the host's, plus the public half of the signing key under its id. */
export function trustedKeys(options: { checkpoints?: CheckpointOptions; publicKeys?: PublicKeys }): Map<string, KeyObject | string> {
  const keys = new Map<string, KeyObject | string>(options.publicKeys instanceof Map ? options.publicKeys : Object.entries(options.publicKeys ?? {}))
  if (options.checkpoints && !keys.has(options.checkpoints.keyId)) {
    keys.set(options.checkpoints.keyId, createPublicKey(asPrivateKey(options.checkpoints.privateKey)))
  }
  return keys
}
