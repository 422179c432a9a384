#!/usr/bin/env node
// `npm run bench`: figures with their budgets. Timings are printed, never asserted (this machine is shared).
import { bundleFigures } from './bench/bundle.mjs'
import { exportFigures } from './bench/export.mjs'
import { hostFigures } from './bench/host.mjs'
import { ingestFigures } from './bench/ingest.mjs'
import { machineLine, printTable } from './bench/machine.mjs'
import { renderFigures } from './bench/render.mjs'
import { serverFigures } from './bench/server.mjs'

// BENCH_ONLY=server (or a comma-separated list of bundle, render, export, host, server, ingest) runs only those parts.
const only = process.env.BENCH_ONLY?.split(',')
const runs = (part) => !only || only.includes(part)

console.log(`react-audit-logs benchmarks — ${machineLine()}`)
if (runs('bundle')) printTable('Bundle (a minimal React 19 app built by Vite, with and without AuditLogs)', await bundleFigures())
if (runs('render')) printTable('Render (Chromium, the story page: a production build without Storybook)', await renderFigures())
if (runs('export')) printTable('CSV export', await exportFigures())
if (runs('host')) {
  printTable(
    'Host page (the packed package in a production host app, StrictMode, 100,000 events; timed from render and from the click)',
    await hostFigures(),
  )
}
// The first run seeds SERVER_BENCH_N events (default 1,000,000 over three tenants; about six minutes here); later runs
// reuse them from .demo-data/. SERVER_BENCH_TENANTS=acme puts them all in one tenant (a database of its own).
if (runs('server')) printTable('Server (react-audit-logs/server over node:http on the embedded PostgreSQL 18; tenant acme)', await serverFigures())
if (runs('ingest')) {
  printTable(
    'Ingest (a fresh embedded PostgreSQL 18; events/s as median (min–max) of three rounds, beside raw COPY in the same run)',
    await ingestFigures(),
  )
}
