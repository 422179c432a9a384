import { createHash, type KeyObject, sign, verify } from 'node:crypto'

import type { AuditSearch } from '../../core/types'
import { canonicalBytes } from './canonical'
import { type Checkpoint, checkpointSignatureHolds } from './checkpoint'
import { isRecord } from '../../core/isRecord'

export const MANIFEST_FORMAT = 'react-audit-logs/export-manifest@1'

/** A signed checkpoint as a manifest carries it: enough to check its signature offline. */
export interface ManifestCheckpoint {
  seq: number
  /** Hex. */
  hash: string
  signedAt: string
  keyId: string
  /** Base64. */
  signature: string
}

/**
 * What an export's manifest says of its file, signed by the store's key: the file's SHA-256 and size, the tenant
 * and search it holds, how many events and which sequence numbers, and the signed checkpoint at or after the last
 * of them (the chain the events belong to).
 */
export interface ExportManifest {
  format: typeof MANIFEST_FORMAT
  file: string
  sha256: string
  bytes: number
  rows: number
  tenantId: string
  query: AuditSearch
  exportedAt: string
  /** The lowest and highest sequence numbers of the exported events (`null` when none is chained). */
  firstSeq: number | null
  lastSeq: number | null
  /** Exported events stored before the chain. */
  unchained: number
  checkpoint: ManifestCheckpoint | null
  keyId: string | null
  /** Base64 Ed25519 over the RFC 8785 bytes of every other property; `null` when the store has no key. */
  signature: string | null
}

/** What the export knows of its file once written; the store adds the checkpoint and the signature. */
export interface ExportFacts {
  file: string
  sha256: string
  bytes: number
  rows: number
  query: AuditSearch
  firstSeq: number | null
  lastSeq: number | null
  unchained: number
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** The bytes a manifest's signature covers: all of it but the signature. */
export function manifestMessage(manifest: ExportManifest | Omit<ExportManifest, 'signature'>): Buffer {
  const { signature: _signature, ...signed } = manifest as ExportManifest
  return canonicalBytes(signed)
}

export function signManifest(
  unsigned: Omit<ExportManifest, 'signature' | 'keyId'>,
  signer: { privateKey: KeyObject; keyId: string } | null,
): ExportManifest {
  if (!signer) return { ...unsigned, keyId: null, signature: null }
  const withKey = { ...unsigned, keyId: signer.keyId }
  return { ...withKey, signature: sign(null, manifestMessage(withKey), signer.privateKey).toString('base64') }
}

/**
 * Checks an exported file against its manifest with a public key, offline: the manifest is well formed and signed
 * by the key, the file's size and SHA-256 are the signed ones, and the checkpoint it chains to is signed by the
 * key and lies at or after its last event. Returns the first thing that does not hold.
 */
export function verifyExport(
  file: Uint8Array,
  manifest: unknown,
  publicKey: KeyObject,
): { ok: true; manifest: ExportManifest } | { ok: false; reason: string } {
  if (!isRecord(manifest) || manifest.format !== MANIFEST_FORMAT) return { ok: false, reason: `the manifest is not a ${MANIFEST_FORMAT} document` }
  const signed = manifest as unknown as ExportManifest
  if (typeof signed.signature !== 'string') return { ok: false, reason: 'the manifest is not signed (the server had no signing key)' }
  let holds: boolean
  try {
    holds = verify(null, manifestMessage(signed), publicKey, Buffer.from(signed.signature, 'base64'))
  } catch {
    holds = false
  }
  if (!holds) return { ok: false, reason: 'the manifest signature does not verify under this public key (another key, or the manifest was changed)' }
  if (file.byteLength !== signed.bytes) return { ok: false, reason: `the file has ${file.byteLength} bytes, the manifest says ${signed.bytes}` }
  if (sha256Hex(file) !== signed.sha256) return { ok: false, reason: 'the file does not match its SHA-256 in the manifest: it was changed' }
  const checkpoint = signed.checkpoint
  if (signed.lastSeq !== null) {
    if (!checkpoint) return { ok: false, reason: 'the manifest names no checkpoint for its chained events' }
    const asSigned: Checkpoint = {
      tenantId: signed.tenantId,
      seq: checkpoint.seq,
      hash: Buffer.from(checkpoint.hash, 'hex'),
      signedAt: new Date(checkpoint.signedAt),
      keyId: checkpoint.keyId,
    }
    if (!checkpointSignatureHolds(asSigned, Buffer.from(checkpoint.signature, 'base64'), new Map([[checkpoint.keyId, publicKey]]))) {
      return { ok: false, reason: `the checkpoint #${checkpoint.seq} is not signed by this public key` }
    }
    if (checkpoint.seq < signed.lastSeq)
      return { ok: false, reason: `the checkpoint #${checkpoint.seq} lies before the last exported event #${signed.lastSeq}` }
  }
  return { ok: true, manifest: signed }
}
