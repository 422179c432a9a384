#!/usr/bin/env node
// The public API report: every export of each entry point (`.`, `/msw`, `/server`, `/server/embedded`) with its declaration, read by
// API Extractor from the built declarations and kept in `api/`. A change to what the package exports then shows in
// review as a change to these files. `node scripts/apiReport.mjs` fails when the build no longer matches them;
// `--update` rewrites them (run `npm run build` first).
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { Extractor, ExtractorConfig } from '@microsoft/api-extractor'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const update = process.argv.includes('--update')
const ENTRIES = [
  { declarations: 'dist/index.d.ts', report: 'react-audit-logs.api.md' },
  { declarations: 'dist/msw/index.d.ts', report: 'react-audit-logs-msw.api.md' },
  { declarations: 'dist/server/index.d.ts', report: 'react-audit-logs-server.api.md' },
  { declarations: 'dist/server/embedded.d.ts', report: 'react-audit-logs-server-embedded.api.md' },
]

function check({ declarations, report }) {
  const configObject = {
    projectFolder: root,
    mainEntryPointFilePath: join(root, declarations),
    // The package is ESM-only: its declarations are read as a `nodenext` host reads them.
    compiler: {
      overrideTsconfig: {
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, skipLibCheck: true },
        files: [join(root, declarations)],
      },
    },
    apiReport: { enabled: true, reportFileName: report, reportFolder: join(root, 'api'), reportTempFolder: join(root, '.api-temp') },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      // The report is about what is exported, not about TSDoc release tags, which this project does not use.
      extractorMessageReporting: {
        default: { logLevel: 'warning' },
        'ae-missing-release-tag': { logLevel: 'none' },
        'ae-forgotten-export': { logLevel: 'none' },
        'ae-undocumented': { logLevel: 'none' },
      },
      tsdocMessageReporting: { default: { logLevel: 'none' } },
      compilerMessageReporting: { default: { logLevel: 'warning' } },
    },
  }
  const config = ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: undefined,
    packageJsonFullPath: join(root, 'package.json'),
  })
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false })
  if (!result.succeeded && !(result.apiReportChanged && !update)) {
    console.error(`${declarations}: API Extractor failed (${String(result.errorCount)} errors).`)
    return false
  }
  if (result.apiReportChanged && !update) {
    console.error(`api/${report} no longer matches ${declarations}: review the change, then run \`npm run api:update\`.`)
    return false
  }
  return true
}

mkdirSync(join(root, 'api'), { recursive: true })
const results = ENTRIES.map(check)
process.exit(results.every(Boolean) ? 0 : 1)
