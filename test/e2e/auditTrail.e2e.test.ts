import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { defaultFields } from '../../src/core/fields'
import { generateAuditEvents } from '../../src/msw/generateEvents'
import { downloadingPage, launchChromium, readCsvDownload, servePortalWithApi } from './browser'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DIST = `${ROOT}dist/`
type ServerModule = typeof import('../../src/server/index')
type EmbeddedModule = typeof import('../../src/server/embedded')

let browser: Browser
let page: Page
let url = ''
let stopAll: () => Promise<void>

/** The demo's session token (`Bearer demo.<tenant>.<role>`), as the portal's switchers make it. */
const session = (request: Request) => {
  const match = /^Bearer demo\.(\w+)\.(member|auditor|owner)$/.exec(request.headers.get('authorization') ?? '')
  return match ? { tenantId: match[1] ?? '', role: match[2] ?? '' } : null
}
const ALLOWED: Record<string, string[]> = { auditor: ['view', 'export'], owner: ['view', 'export', 'configure', 'reveal'] }

/** The log's personal data and a secret a careless producer logged: none may reach a person without reveal. */
const generated = generateAuditEvents({ count: 300, tenants: ['acme'], seed: 11, end: Date.now() - 3_600_000 })
const EMAIL = 'priya.sharma@northwind.example'
const SECRET_VALUE = 'hunter2-e2e-secret'
const SENSITIVE = [EMAIL, SECRET_VALUE, ...new Set(generated.map((event) => event.user.email))]
const leaked = (text: string): string[] => SENSITIVE.filter((value) => text.includes(value))

beforeAll(async () => {
  if (!existsSync(`${DIST}server/index.js`)) throw new Error('The audit-trail end-to-end test needs the built package: run `npm run build` first.')
  const { createAuditLogHandler, createPostgresStore, toNodeListener } = (await import(`${DIST}server/index.js`)) as ServerModule
  const { startEmbeddedPostgres } = (await import(`${DIST}server/embedded.js`)) as EmbeddedModule
  const postgres = await startEmbeddedPostgres()
  const store = await createPostgresStore({ connectionString: postgres.url })
  await store.migrate()
  await store.ingest('acme', generated)
  await store.ingest('acme', {
    id: 'evt-password',
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    action: 'Password changed',
    severity: 'Medium',
    result: 'success',
    resource: 'Account',
    user: { id: 'u-priya', name: 'Priya Sharma', email: EMAIL },
    payload: { password: SECRET_VALUE, note: 'changed from the profile page' },
  })
  const handler = createAuditLogHandler({
    store,
    cursorSecret: 'audit-trail-e2e-secret-0123456789',
    resolveTenant: (request) => session(request)?.tenantId ?? null,
    authorize: (request, { action }) => (ALLOWED[session(request)?.role ?? ''] ?? []).includes(action),
    actor: (request) => (session(request)?.role === 'owner' ? { id: 'u-olivia', name: 'Olivia Owner', email: 'olivia@acme.test' } : null),
    // The actor's e-mail is personal data; `payload.password` is hidden by its name.
    fields: defaultFields.map((field) => (field.key === 'user.email' ? { ...field, sensitive: 'personal' as const } : field)),
  })
  const portal = await servePortalWithApi(toNodeListener(handler), '.audit-trail-dist')
  url = portal.url
  browser = await launchChromium()
  page = await downloadingPage(browser)
  stopAll = async () => {
    await browser.close()
    await portal.close()
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
    await panel.getByRole('switch', { name: 'Shown in table: IP address', exact: true }).click()
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

describe('sensitive values, hidden at the source', () => {
  it('an auditor without reveal finds no e-mail or secret in the page, any answer, the CSV, Copy JSON or the filter values', async () => {
    const context = await browser.newContext({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] })
    const auditor = await context.newPage()
    const answers: Promise<string>[] = []
    auditor.on('response', (response) => {
      if (response.url().includes('/api/')) answers.push(response.text().catch(() => ''))
    })
    await auditor.goto(`${url}/`)
    await auditor.getByLabel('Role').selectOption('auditor')
    await auditor.locator('tr[data-event-id]').first().waitFor()

    // The event that holds both, opened; every Copy JSON in its drawer read back from the clipboard.
    await auditor.getByRole('searchbox').fill('Password changed')
    await auditor.locator('tr[data-event-id]', { hasText: 'Password changed' }).click()
    const dialog = auditor.getByRole('dialog')
    await dialog.getByText('Hidden · personal').first().waitFor()
    await dialog.getByText('Hidden · secret').first().waitFor()
    expect(await dialog.getByRole('button', { name: /^Reveal / }).count()).toBe(0)
    const copies = dialog.getByRole('button', { name: /^Copy JSON/ })
    expect(await copies.count()).toBeGreaterThan(0)
    for (const copy of await copies.all()) {
      await copy.click()
      const copied = await auditor.evaluate(() => navigator.clipboard.readText())
      expect(copied).toContain('$hidden')
      expect(leaked(copied)).toEqual([])
    }
    expect(leaked(await auditor.content())).toEqual([])
    await dialog.getByRole('button', { name: 'Close' }).click()

    // A search for part of a hidden e-mail finds what nonsense finds: nothing.
    const countFor = async (text: string) => {
      await auditor.getByRole('searchbox').fill(text)
      const status = auditor.getByText(/^(\d[\d,]*\+? events?|No events match.*)$/).first()
      await auditor.waitForFunction(() => !document.querySelector('[aria-busy="true"]'))
      await auditor.waitForTimeout(400)
      return status.textContent()
    }
    expect(await countFor('northwind')).toBe(await countFor('qzxv-nothing-qzxv'))
    expect(await countFor('changed from the profile page')).toBe('1 event')

    // The filter form's values for the e-mail: asked for, and answered without one.
    await auditor.getByRole('searchbox').fill('')
    await auditor.getByRole('button', { name: /^(\+ )?Filter$/ }).click()
    await auditor.getByLabel('Filter field').selectOption({ label: 'Email' })
    const valuesAnswer = auditor.waitForResponse((response) => response.url().includes('/field-values') && response.url().includes('user.email'))
    await auditor.getByLabel('Filter value').click()
    expect((await valuesAnswer).status()).toBe(200)
    await auditor.keyboard.press('Escape')

    // The whole log as a file.
    const [download] = await Promise.all([auditor.waitForEvent('download'), auditor.getByRole('button', { name: 'Download CSV' }).click()])
    const { rows } = await readCsvDownload(download)
    expect(rows.length).toBeGreaterThan(300)
    expect(leaked(rows.flat().join('\n'))).toEqual([])

    expect(leaked(await auditor.content())).toEqual([])
    const bodies = await Promise.all(answers)
    expect(bodies.length).toBeGreaterThan(5)
    expect(leaked(bodies.join('\n'))).toEqual([])
    await context.close()
  }, 120_000)

  it('an owner reveals one value: it shows in place, and the reveal is an event of the owner in the same log', async () => {
    const context = await browser.newContext()
    const owner = await context.newPage()
    await owner.goto(`${url}/`)
    await owner.locator('tr[data-event-id]').first().waitFor()
    await owner.getByRole('searchbox').fill('Password changed')
    await owner.locator('tr[data-event-id]', { hasText: 'Password changed' }).click()
    const dialog = owner.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Reveal Email (the reveal is recorded)' }).click()
    await dialog.getByText(EMAIL).waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()

    await owner.getByRole('searchbox').fill('Hidden value revealed')
    const revealed = owner.locator('tr[data-event-id]', { hasText: 'Hidden value revealed' })
    await revealed.waitFor({ timeout: 15_000 })
    expect(await revealed.textContent()).toContain('Olivia Owner')
    await context.close()
  }, 120_000)
})
