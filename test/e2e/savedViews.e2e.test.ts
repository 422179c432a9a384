import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { generateAuditEvents } from '../../src/msw/generateEvents'
import { launchChromium, servePortalWithApi } from './browser'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DIST = `${ROOT}dist/`
type ServerModule = typeof import('../../src/server/index')
type EmbeddedModule = typeof import('../../src/server/embedded')

let browser: Browser
let url = ''
let stopAll: () => Promise<void>

/** The demo's session token (`Bearer demo.<tenant>.<role>`), as the portal's switchers make it. */
const session = (request: Request) => {
  const match = /^Bearer demo\.(\w+)\.(member|auditor|owner)$/.exec(request.headers.get('authorization') ?? '')
  return match ? { tenantId: match[1] ?? '', role: match[2] ?? '' } : null
}
const ALLOWED: Record<string, string[]> = { auditor: ['view', 'export'], owner: ['view', 'export', 'configure'] }

beforeAll(async () => {
  if (!existsSync(`${DIST}server/index.js`)) throw new Error('The saved views end-to-end test needs the built package: run `npm run build` first.')
  const { createAuditLogHandler, createPostgresStore, toNodeListener } = (await import(`${DIST}server/index.js`)) as ServerModule
  const { startEmbeddedPostgres } = (await import(`${DIST}server/embedded.js`)) as EmbeddedModule
  const postgres = await startEmbeddedPostgres()
  const store = await createPostgresStore({ connectionString: postgres.url })
  await store.migrate()
  await store.ingest('acme', generateAuditEvents({ count: 300, tenants: ['acme'], seed: 11, end: Date.now() - 3_600_000 }))
  const handler = createAuditLogHandler({
    store,
    cursorSecret: 'saved-views-e2e-secret-0123456789',
    resolveTenant: (request) => session(request)?.tenantId ?? null,
    authorize: (request, { action }) => (ALLOWED[session(request)?.role ?? ''] ?? []).includes(action),
    // Each role is one person here: the keeper of that role's personal views.
    actor: (request) => {
      const role = session(request)?.role
      return role ? { id: `u-${role}`, name: role } : null
    },
  })
  const portal = await servePortalWithApi(toNodeListener(handler), '.saved-views-dist')
  url = portal.url
  browser = await launchChromium()
  stopAll = async () => {
    await browser.close()
    await portal.close()
    await store.close()
    await postgres.stop()
  }
}, 180_000)

afterAll(() => stopAll())

/** A fresh browser context (no cookies, no storage, no history) on the portal, as another person's browser. */
async function freshPortal(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await page.goto(`${url}/`)
  await page.locator('tr[data-event-id]').first().waitFor()
  return page
}

/** What the viewer shows of its search: the text, the filter chips, the count, the address's own parameters. */
async function searchShown(page: Page) {
  const count = page.getByText(/^\d[\d,]* events?$/)
  await count.waitFor()
  const params = [...new URL(page.url()).searchParams].filter(([name]) => name.startsWith('audit.')).sort()
  return {
    text: await page.getByRole('searchbox', { name: 'Search events' }).inputValue(),
    chips: await page.locator('.ral-chip').allTextContents(),
    count: await count.textContent(),
    params,
  }
}

describe('saved views through the server', () => {
  it('a saved view round-trips through the server and opens in a second browser context as the same search', async () => {
    const first = await freshPortal()
    await first.getByRole('searchbox', { name: 'Search events' }).fill('user')
    await first.getByRole('searchbox', { name: 'Search events' }).press('Enter')
    await first
      .getByRole('columnheader', { name: /Severity/ })
      .getByRole('button')
      .click()
    await first.waitForURL(/audit\.sort=severity/)
    const saved = await searchShown(first)
    expect(saved.text).toBe('user')

    await first.getByRole('button', { name: 'Views' }).click()
    await first.getByRole('textbox', { name: 'Name of the current search' }).fill('Quarterly review <b>')
    await first.getByRole('checkbox', { name: 'Share with everyone in this account' }).check()
    await first.getByRole('button', { name: 'Save view' }).click()
    await first.getByRole('button', { name: 'Quarterly review <b>', exact: true }).waitFor()

    // Another browser, nothing shared with the first but the server: an auditor of the same tenant.
    const second = await freshPortal()
    await second.getByLabel('Role').selectOption('auditor')
    await second.locator('tr[data-event-id]').first().waitFor()
    expect((await searchShown(second)).text).toBe('')
    await second.getByRole('button', { name: 'Views' }).click()
    // Shared: the auditor uses it, but may not rename or delete it.
    await second.getByRole('button', { name: 'Quarterly review <b>', exact: true }).click()
    await second.waitForURL(/audit\.sort=severity/)
    await expect.poll(() => searchShown(second)).toEqual(saved)
    expect(await second.getByRole('button', { name: 'Views' }).count()).toBe(1)
    await second.getByRole('button', { name: 'Views' }).click()
    expect(await second.getByRole('button', { name: 'Delete Quarterly review <b>' }).count()).toBe(0)
    await Promise.all([first.context().close(), second.context().close()])
  }, 120_000)
})
