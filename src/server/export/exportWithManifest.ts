import { createHash } from 'node:crypto'

import { type SensitivePolicy, sensitivePolicy } from '../../core/sensitive'
import type { AuditField } from '../../core/types'
import type { ExportFacts } from '../chain/exportManifest'
import { csvStream } from '../exportCsv'
import { type ExportRequest, safeFileName } from './exportRequest'
import type { AuditLogStore } from '../storeTypes'
import { zipStream } from './zipStream'

/** `now` pinned as the CSV pins it: the end of the range is the moment the export starts. */
const pinnedSearch = (request: ExportRequest, now: number) => ({
  ...request.search,
  to: request.search.to !== undefined && Date.parse(request.search.to) <= now ? request.search.to : new Date(now).toISOString(),
})

/**
 * The CSV of an export and its signed manifest in one zip (`<name>.csv`, `manifest.json`), streamed: the file's
 * SHA-256 and size are taken as its bytes pass, its events and sequence numbers as each batch is read, and the
 * manifest is written and signed once the file is complete.
 */
export function exportWithManifest(
  store: AuditLogStore,
  tenantId: string,
  request: ExportRequest,
  fields: readonly AuditField[],
  now = Date.now(),
  policy: SensitivePolicy = sensitivePolicy([]),
): ReadableStream<Uint8Array> {
  const file = safeFileName(request.fileName)
  const facts: ExportFacts = { file, sha256: '', bytes: 0, rows: 0, query: pinnedSearch(request, now), firstSeq: null, lastSeq: null, unchained: 0 }
  const hash = createHash('sha256')
  const csv = csvStream(store, tenantId, request, fields, {
    now,
    policy,
    // The manifest describes the events written: counted, with their chain positions, as each batch is read.
    onBatch(seqs) {
      facts.rows += seqs.length
      for (const seq of seqs) {
        if (seq === null) facts.unchained += 1
        else {
          facts.firstSeq = Math.min(facts.firstSeq ?? Infinity, seq)
          facts.lastSeq = Math.max(facts.lastSeq ?? 0, seq)
        }
      }
    },
  }).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk)
        facts.bytes += chunk.byteLength
        controller.enqueue(chunk)
      },
    }),
  )
  return zipStream([
    { name: file, body: csv },
    {
      name: 'manifest.json',
      body: async () => {
        facts.sha256 = hash.digest('hex')
        const manifest = await store.exportManifest(tenantId, facts)
        return new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`)
      },
    },
  ])
}

export const zipResponse = (body: ReadableStream<Uint8Array>, fileName: string): Response =>
  new Response(body, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  })
