// The published `react-audit-logs verify` command, run from the packed tarball as a user's `npx` would run it:
// an export and its manifest verify offline; one changed byte, a dropped row or another key fail it.
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync, sign } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkpointMessage } from '../src/server/chain/checkpoint.ts'
import { sha256Hex, signManifest } from '../src/server/chain/exportManifest.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
let folder = ''
let bin = ''

const run = (command, args, options = {}) => spawnSync(command, args, { encoding: 'utf8', ...options })

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'ral-cli-'))
  // The library as `npm run build` builds it (its own process: this one runs with NODE_ENV=test), then packed.
  const built = run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (built.status !== 0) throw new Error(built.stderr)
  const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', folder], { cwd: ROOT })
  if (packed.status !== 0) throw new Error(packed.stderr)
  const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'))
  const installed = join(folder, 'node_modules', pkg.name)
  mkdirSync(installed, { recursive: true })
  const unpacked = run('tar', ['-xzf', join(folder, tarball), '-C', installed, '--strip-components=1'])
  if (unpacked.status !== 0) throw new Error(unpacked.stderr)
  // What an install brings beside it: the package's own dependencies.
  for (const name of Object.keys(pkg.dependencies)) {
    mkdirSync(join(folder, 'node_modules', name, '..'), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules', name), join(folder, 'node_modules', name))
  }
  const packedPkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
  bin = join(installed, packedPkg.bin['react-audit-logs'])
}, 120_000)

afterAll(() => {
  rmSync(folder, { recursive: true, force: true })
})

/** An export's CSV as the server writes it (BOM, CRLF, a neutralised formula). */
const exportCsv = () => Buffer.from('\uFEFFId,Action\r\ne1,user.login\r\ne2,"\'=HYPERLINK(""x"")"\r\ne3,user.logout\r\n')

describe('npx react-audit-logs verify', () => {
  const keys = generateKeyPairSync('ed25519')
  const keyFile = () => join(folder, 'key.pem')

  /** Its manifest, signed as the store signs it: the checkpoint's own message, then the manifest. */
  function signed(csv) {
    const checkpoint = {
      tenantId: 'acme',
      seq: 3,
      hash: Buffer.from('ab'.repeat(32), 'hex'),
      signedAt: new Date('2026-03-01T00:05:00.000Z'),
      keyId: 'k1',
    }
    return signManifest(
      {
        format: 'react-audit-logs/export-manifest@1',
        file: 'export.csv',
        sha256: sha256Hex(csv),
        bytes: csv.byteLength,
        rows: 3,
        tenantId: 'acme',
        query: { to: '2026-03-01T00:10:00.000Z' },
        exportedAt: '2026-03-01T00:10:00.000Z',
        firstSeq: 1,
        lastSeq: 3,
        unchained: 0,
        checkpoint: {
          seq: 3,
          hash: checkpoint.hash.toString('hex'),
          signedAt: checkpoint.signedAt.toISOString(),
          keyId: 'k1',
          signature: sign(null, checkpointMessage(checkpoint), keys.privateKey).toString('base64'),
        },
      },
      { privateKey: keys.privateKey, keyId: 'k1' },
    )
  }

  const verify = (csv, manifest, key = keyFile()) => {
    writeFileSync(join(folder, 'export.csv'), csv)
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2))
    return run(process.execPath, [bin, 'verify', join(folder, 'export.csv'), join(folder, 'manifest.json'), '--public-key', key])
  }

  it('passes an export and its manifest, and names what it holds', () => {
    writeFileSync(keyFile(), keys.publicKey.export({ type: 'spki', format: 'pem' }))
    const csv = exportCsv()
    const result = verify(csv, signed(csv))
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^OK: .*export\.csv is the export of 3 events of tenant "acme" .*events #1–#3, chained to checkpoint #3 .*key "k1"/)
    expect(result.status).toBe(0)
  })

  it('fails one changed byte, a dropped row and another key, saying why', () => {
    writeFileSync(keyFile(), keys.publicKey.export({ type: 'spki', format: 'pem' }))
    const csv = exportCsv()
    const manifest = signed(csv)
    const changed = Buffer.from(csv)
    changed[10] ^= 1
    expect(verify(changed, manifest)).toMatchObject({ status: 1, stderr: expect.stringMatching(/^FAILED: .*SHA-256/) })
    const dropped = Buffer.from(csv.toString('utf8').replace('e3,user.logout\r\n', ''))
    expect(verify(dropped, manifest)).toMatchObject({ status: 1, stderr: expect.stringMatching(/^FAILED: .*bytes/) })
    const otherKey = join(folder, 'other.pem')
    writeFileSync(otherKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }))
    expect(verify(csv, manifest, otherKey)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^FAILED: .*does not verify under this public key/),
    })
    // Without a key it cannot run at all.
    expect(run(process.execPath, [bin, 'verify', 'a.csv', 'b.json']).status).toBe(2)
  })
})
