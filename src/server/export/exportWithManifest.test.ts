import { execFileSync } from 'node:child_process'
import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type ExportManifest, verifyExport } from '../chain/exportManifest'
import { checkEvent } from '../ingest/checkEvent'
import type { AuditLogStore } from '../storeTypes'
import { call, freshStore, testHandler } from '../../../test/support/server/database'
import type { AuditLogHandler } from '../types'

let store: AuditLogStore
let drop: () => Promise<void>
let handler: AuditLogHandler
let folder: string
const { privateKey, publicKey } = generateKeyPairSync('ed25519')

beforeAll(async () => {
  ;({ store, drop } = await freshStore({ store: { checkpoints: { privateKey, keyId: 'k1', everyEvents: 1000 } } }))
  handler = testHandler(store)
  folder = mkdtempSync(join(tmpdir(), 'ral-manifest-'))
  for (let start = 0; start < 150; start += 50) {
    const rows = Array.from({ length: 50 }, (_, index) => {
      const n = start + index + 1
      return checkEvent(
        { id: `e${n}`, action: n === 7 ? '=HYPERLINK("x")' : 'user.login', createdAt: Date.parse('2026-03-01T00:00:00Z') + n * 60_000 },
        'acme',
        'event',
      )
    })
    await store.insertEvents('acme', rows)
  }
})
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true })
  await drop()
})

/** Exports through the route as an auditor and unpacks the zip with the system's `unzip` (which checks each CRC). */
async function exportZip(query: object): Promise<{ csv: Buffer; manifest: ExportManifest }> {
  const response = await call(handler, '/export', {
    tenant: 'acme',
    role: 'auditor',
    method: 'POST',
    body: {
      query,
      columns: [
        { key: 'id', label: 'Id' },
        { key: 'action', label: 'Action' },
        { key: 'createdAt', label: 'Time' },
      ],
      timeZone: 'UTC',
      fileName: 'audit.csv',
      manifest: true,
    },
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/zip')
  expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit.zip"')
  const zip = join(folder, 'export.zip')
  writeFileSync(zip, Buffer.from(await response.arrayBuffer()))
  execFileSync('unzip', ['-o', '-q', zip, '-d', folder])
  return { csv: readFileSync(join(folder, 'audit.csv')), manifest: JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as ExportManifest }
}

describe('an export with its manifest', () => {
  it('zips the CSV with a manifest that names its events and the signed checkpoint it chains to, and verifies offline', async () => {
    const { csv, manifest } = await exportZip({ from: '2026-03-01T00:11:00Z', to: '2026-03-01T01:00:00Z' })
    expect(manifest).toMatchObject({
      file: 'audit.csv',
      rows: 49,
      firstSeq: 11,
      lastSeq: 59,
      unchained: 0,
      tenantId: 'acme',
      keyId: 'k1',
      bytes: csv.byteLength,
    })
    // No checkpoint covered #59 yet (the last was at the first append, #50): one was signed for the export, at the
    // head — #151, the export's own record in the log (#150 is the last seeded event).
    expect(manifest.checkpoint).toMatchObject({ seq: 151, keyId: 'k1' })
    expect(csv.toString('utf8').split('\r\n').filter(Boolean)).toHaveLength(50)
    expect(verifyExport(csv, manifest, publicKey)).toEqual({ ok: true, manifest })
  })

  it('fails for one changed byte, a dropped row, a changed manifest or another key', async () => {
    const { csv, manifest } = await exportZip({})
    expect(verifyExport(csv, manifest, publicKey).ok).toBe(true)
    const changed = Buffer.from(csv)
    changed[changed.length - 5] = (changed[changed.length - 5] ?? 0) ^ 1
    expect(verifyExport(changed, manifest, publicKey)).toEqual({ ok: false, reason: expect.stringMatching(/SHA-256/) })
    const lines = csv.toString('utf8').split('\r\n')
    const dropped = Buffer.from([...lines.slice(0, 3), ...lines.slice(4)].join('\r\n'))
    expect(verifyExport(dropped, manifest, publicKey)).toEqual({ ok: false, reason: expect.stringMatching(/bytes/) })
    expect(verifyExport(csv, { ...manifest, rows: manifest.rows - 1 }, publicKey)).toEqual({ ok: false, reason: expect.stringMatching(/signature/) })
    const other = createPublicKey(generateKeyPairSync('ed25519').privateKey)
    expect(verifyExport(csv, manifest, other)).toEqual({ ok: false, reason: expect.stringMatching(/does not verify under this public key/) })
  })

  it('answers a plain CSV without "manifest": true, as before', async () => {
    const response = await call(handler, '/export', {
      tenant: 'acme',
      role: 'auditor',
      method: 'POST',
      body: { columns: [{ key: 'id', label: 'Id' }], fileName: 'a.csv' },
    })
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
  })
})
