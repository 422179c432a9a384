import { createPublicKey, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'

import { verifyExport } from '../server/chain/exportManifest'

export const USAGE = 'Usage: react-audit-logs verify <export.csv> <manifest.json> --public-key <key.pem>'

interface Output {
  out: (line: string) => void
  err: (line: string) => void
}

/** `--public-key <file>` or `--public-key=<file>`, and the two files, in any order. */
function parse(args: readonly string[]): { files: string[]; keyFile: string | undefined } {
  const files: string[] = []
  let keyFile: string | undefined
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? ''
    if (arg === '--public-key') {
      keyFile = args[index + 1]
      index += 1
    } else if (arg.startsWith('--public-key=')) keyFile = arg.slice('--public-key='.length)
    else files.push(arg)
  }
  return { files, keyFile }
}

/**
 * `react-audit-logs verify export.csv manifest.json --public-key key.pem`: checks an export offline, without the
 * server. Exit status 0 when it holds, 1 when it does not (the reason is printed), 2 when it cannot run.
 */
export function verifyCommand(args: readonly string[], { out, err }: Output): number {
  const [command, ...rest] = args
  const { files, keyFile } = parse(rest)
  const [csvFile, manifestFile] = files
  if (command !== 'verify' || !csvFile || !manifestFile || files.length !== 2 || !keyFile) {
    err(USAGE)
    return 2
  }
  let key: KeyObject
  let manifest: unknown
  let csv: Buffer
  try {
    key = createPublicKey(readFileSync(keyFile))
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))
    csv = readFileSync(csvFile)
  } catch (error) {
    err(`Cannot read the files: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  const result = verifyExport(csv, manifest, key)
  if (!result.ok) {
    err(`FAILED: ${csvFile}: ${result.reason}.`)
    return 1
  }
  const { rows, tenantId, firstSeq, lastSeq, checkpoint, exportedAt } = result.manifest
  const events = firstSeq === null ? 'no chained events' : `events #${firstSeq}–#${lastSeq ?? firstSeq}`
  const anchor = checkpoint ? `, chained to checkpoint #${checkpoint.seq} signed ${checkpoint.signedAt} by key "${checkpoint.keyId}"` : ''
  out(`OK: ${csvFile} is the export of ${rows} events of tenant "${tenantId}" made ${exportedAt} (${events}${anchor}).`)
  return 0
}
