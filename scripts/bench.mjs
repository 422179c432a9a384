#!/usr/bin/env node
// `npm run bench`: figures with their budgets. Timings are printed, never asserted (this machine is shared).
import { bundleFigures } from './bench/bundle.mjs'
import { exportFigures } from './bench/export.mjs'
import { hostFigures } from './bench/host.mjs'
import { ingestFigures } from './bench/ingest.mjs'
import { machineLine, printTable } from './bench/machine.mjs'
import { renderFigures } from './bench/render.mjs'
import { serverFigures } from './bench/server.mjs'

console.log(`react-audit-logs benchmarks — ${machineLine()}`)
printTable('Bundle (a minimal React 19 app built by Vite, with and without AuditLogs)', await bundleFigures())
printTable('Render (Chromium, the story page: a production build without Storybook)', await renderFigures())
printTable('CSV export', await exportFigures())
printTable(
  'Host page (the packed package in a production host app, StrictMode, 100,000 events; timed from render and from the click)',
  await hostFigures(),
)
// The first run seeds 1,000,000 events (about six minutes here); later runs reuse them from .demo-data/.
printTable('Server (react-audit-logs/server over node:http on the embedded PostgreSQL 18; tenant acme)', await serverFigures())
printTable(
  'Ingest (a fresh embedded PostgreSQL 18; events/s as median (min–max) of three rounds, beside raw COPY in the same run)',
  await ingestFigures(),
)
