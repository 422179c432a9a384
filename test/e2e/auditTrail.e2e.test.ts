import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { serveStaticFolder } from '../../scripts/serveStatic.mjs'
import { generateAuditEvents } from '../../src/msw/generateEvents'
import { downloadingPage, launchChromium } from './browser'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DIST = `${ROOT}dist/`
type ServerModule = typeof import('../../src/server/index')

let server: Server
let browser: Browser
let page: Page
let url = ''
let stopAll: () => Promise<void>

/** The demo's session token (`Bearer demo.<tenant>.<role>`), as the portal's switchers make it. */
const session = (request: Request) => {
  const match = /^Bearer demo\.(\w+)\.(member|auditor|owner)$/.exec(request.headers.get('authorization') ?? '')
  return match ? { tenantId: match[1] ?? '', role: match[2] ?? '' } : null
}
const ALLOWED: Record<string, string[]> = { auditor: ['view', 'export'], owner: ['view', 'export', 'configure'] }

beforeAll(async () => {
  if (!existsSync(`${DIST}server/index.js`)) throw new Error('The audit-trail end-to-end test needs the built package: run `npm run build` first.')
  const { createAuditLogHandler, createPostgresStore, startEmbeddedPostgres, toNodeListener } = (await import(
    `${DIST}server/index.js`
  )) as ServerModule
  const postgres = await startEmbeddedPostgres()
  const store = await createPostgresStore({ connectionString: postgres.url })
  await store.migrate()
  await store.ingest('acme', generateAuditEvents({ count: 300, tenants: ['acme'], seed: 11, end: Date.now() - 3_600_000 }))
  const handler = createAuditLogHandler({
    store,
    cursorSecret: 'audit-trail-e2e-secret-0123456789',
    resolveTenant: (request) => session(request)?.tenantId ?? null,
    authorize: (request, { action }) => (ALLOWED[session(request)?.role ?? ''] ?? []).includes(action),
    actor: (request) => (session(request)?.role === 'owner' ? { id: 'u-olivia', name: 'Olivia Owner', email: 'olivia@acme.test' } : null),
  })
  // The demo portal built against the real API (no MSW), served beside the handler on one origin.
  const built = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'examples/admin-portal/vite.config.ts',
      '--logLevel',
      'warn',
      '--outDir',
      '../../.audit-trail-dist',
      '--emptyOutDir',
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', VITE_AUDIT_API: 'server' } },
  )
  if (built.status !== 0) throw new Error(built.stderr)
  const statics = await serveStaticFolder(`${ROOT}.audit-trail-dist`)
  const api = toNodeListener(handler)
  server = createServer((request, response) => {
    if ((request.url ?? '').startsWith('/api/')) {
      api(request, response)
      return
    }
    statics.server.emit('request', request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  browser = await launchChromium()
  page = await downloadingPage(browser)
  stopAll = async () => {
    await browser.close()
    await new Promise((resolve) => server.close(resolve))
    await new Promise((resolve) => statics.server.close(resolve))
    await store.close()
    await postgres.stop()
  }
}, 180_000)

afterAll(() => stopAll())

describe('reading the log leaves a trace a person sees', () => {
  it('an export and a change of the data structure each appear in the viewer as events of the owner who did them', async () => {
    await page.goto(`${url}/`)
    await page.locator('tr[data-event-id]').first().waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
    expect(await download.failure()).toBeNull()

    await page.getByRole('button', { name: 'Data structure' }).click()
    const panel = page.getByRole('region', { name: 'Data structure' })
    await panel
      .getByRole('listitem')
      .filter({ hasText: /^IP address/ })
      .getByRole('switch', { name: 'Shown in table' })
      .click()
    await panel.getByRole('button', { name: 'Save' }).click()
    await panel.getByText('Saved.').waitFor()
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'detached' })

    await page.getByRole('searchbox').fill('audit log')
    const exported = page.locator('tr[data-event-id]', { hasText: 'Audit log exported' })
    const changed = page.locator('tr[data-event-id]', { hasText: 'Audit log data structure changed' })
    await exported.waitFor({ timeout: 15_000 })
    await changed.waitFor()
    expect(await exported.textContent()).toContain('Olivia Owner')

    await changed.click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Olivia Owner').first().waitFor()
    // The change table names the field that changed, before and after.
    const changes = dialog.getByRole('table', { name: /Changes/ }).first()
    await changes.waitFor()
    expect(await changes.textContent()).toMatch(/\bip\b/)
    expect(await dialog.getByText('Recorded by the server').isVisible()).toBe(true)
  }, 120_000)
})
