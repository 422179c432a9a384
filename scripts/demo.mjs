#!/usr/bin/env node
// `npm run demo`: the admin portal (examples/admin-portal) against react-audit-logs/server on the embedded
// PostgreSQL, seeded once with 1,000,000 generated events over three tenants and kept in .demo-data/.
// The portal's tenant and role switchers make its demo session token; resolveTenant and authorize read it.
import { randomBytes } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { createServer as createHttpServer } from 'node:http'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const COUNT = Number(process.env.DEMO_EVENTS ?? 1_000_000)
const PORT = Number(process.env.PORT ?? 5173)

// The server runs from the built package, as a host runs it.
console.log('Building the package…')
const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)

const { createAuditLogHandler, createPostgresStore, toNodeListener } = await import('../dist/server/index.js')
const { startEmbeddedPostgres } = await import('../dist/server/embedded.js')
const { DEMO_DATA_DIR } = await import('./server/dataDir.mjs')
const { seedGeneratedLog, TENANTS } = await import('./server/generatedLog.mjs')
const { createServer: createViteServer } = await import('vite')
const { defaultFields } = await import('../dist/index.js')
const SENSITIVE_FIELDS = defaultFields.map((field) => (field.key === 'user.email' ? { ...field, sensitive: 'personal' } : field))

console.log(`Starting PostgreSQL in ${DEMO_DATA_DIR}…`)
const postgres = await startEmbeddedPostgres({ dataDir: DEMO_DATA_DIR })
const store = await createPostgresStore({ connectionString: postgres.url })
await store.migrate()
const started = Date.now()
const seeded = await seedGeneratedLog(store, {
  count: COUNT,
  onProgress: ({ written, phase }) => {
    if (phase === 'index') process.stdout.write('\nBuilding the search index (a minute or two)…\n')
    else process.stdout.write(`\rSeeding ${written.toLocaleString('en')} of ${COUNT.toLocaleString('en')} events (once; kept in .demo-data/)…`)
  },
})
console.log(
  seeded.seeded
    ? `Seeded ${seeded.count.toLocaleString('en')} events in ${Math.round((Date.now() - started) / 1000)} s.`
    : `Using the ${seeded.count.toLocaleString('en')} events seeded before.`,
)

/**
 * The demo's stand-in for a host's session: `Bearer demo.<tenant>.<role>`, made by the portal's switchers. A
 * real host verifies its own session or token here; the `x-tenant-id` header the viewer sends is never read.
 */
const session = (request) => {
  const match = /^Bearer demo\.(\w+)\.(member|auditor|owner)$/.exec(request.headers.get('authorization') ?? '')
  return match && TENANTS.includes(match[1]) ? { tenantId: match[1], role: match[2] } : null
}
// No role writes events from the browser: the log is written by the host's own code (`store.sendAudit`) and
// its services (ingest keys), never by the people it records.
// Only the owner may reveal a hidden value (each reveal is an event in the log).
const ALLOWED = { member: [], auditor: ['view', 'export'], owner: ['view', 'export', 'configure', 'reveal'] }
const PEOPLE = { auditor: { id: 'u-aldo', name: 'Aldo Auditor' }, owner: { id: 'u-olivia', name: 'Olivia Owner' } }
const handler = createAuditLogHandler({
  store,
  cursorSecret: process.env.AUDIT_CURSOR_SECRET ?? randomBytes(32),
  resolveTenant: (request) => session(request)?.tenantId ?? null,
  authorize: (request, { action }) => ALLOWED[session(request)?.role ?? 'member'].includes(action),
  // Exports and data-structure changes are recorded in the tenant's log as this person's events.
  actor: (request) => PEOPLE[session(request)?.role] ?? null,
  // The actor's e-mail is personal data: hidden from everyone, revealed one value at a time.
  fields: SENSITIVE_FIELDS,
})
const api = createHttpServer(toNodeListener(handler))
await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve))

// The portal on Vite's dev server, its /api proxied to the handler; VITE_AUDIT_API turns MSW off.
process.env.VITE_AUDIT_API = 'server'
const vite = await createViteServer({
  configFile: fileURLToPath(new URL('../examples/admin-portal/vite.config.ts', import.meta.url)),
  server: { port: PORT, proxy: { '/api': `http://127.0.0.1:${api.address().port}` } },
})
await vite.listen()
vite.printUrls()
console.log('The portal reads the audit log from react-audit-logs/server on PostgreSQL. Ctrl+C stops it.')

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await vite.close()
  await new Promise((resolve) => api.close(resolve))
  await store.close()
  await postgres.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
