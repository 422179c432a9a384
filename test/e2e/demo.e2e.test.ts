import type { Server } from 'node:http'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildAndServe, launchChromium } from './browser'

let server: Server
let url = ''
let browser: Browser
let page: Page

beforeAll(async () => {
  // The demo portal (`npm run demo`), built as `npm run demo:build` builds it.
  ;({ server, url } = await buildAndServe('examples/admin-portal/vite.config.ts', '.demo-dist', ['--outDir', '../../.demo-dist', '--emptyOutDir']))
  browser = await launchChromium()
  page = await browser.newPage()
}, 120_000)

afterAll(async () => {
  await browser.close()
  await new Promise((resolve) => server.close(resolve))
})

const select = (label: string) => page.locator('.portal-header label', { hasText: label }).locator('select')
const count = () => page.locator('.ral-count').filter({ hasText: /\d events?$/ })

describe('the demo admin portal', () => {
  it("shows the tenant's log over REST (MSW in the browser) and follows the tenant and role switchers", async () => {
    await page.goto(`${url}/`)
    await count().waitFor()
    // Switching tenant asks the API for that tenant's events (the x-tenant-id header).
    const globexRequest = page.waitForRequest(
      (request) => request.url().includes('/api/audit-logs/events') && request.headers()['x-tenant-id'] === 'globex',
    )
    await select('Tenant').selectOption('globex')
    await globexRequest
    await count().waitFor()

    await select('Role').selectOption('member')
    expect(await page.getByText("You don't have permission to view audit logs.").isVisible()).toBe(true)
    await select('Role').selectOption('auditor')
    await count().waitFor()
    expect(await page.getByRole('button', { name: 'Download CSV' }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Data structure' }).count()).toBe(0)
  })

  it('at 1280×800 has its command bar on one line and the first event within 160 px of the viewer; on a phone, cards and a folded menu', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await select('Role').selectOption('owner')
    await count().waitFor()
    await page.locator('tr[data-event-id]').first().waitFor()
    const geometry = () =>
      page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect()
        const controls = [
          '.ral-text-search',
          '.ral-bar-search .ral-bar-button',
          '.ral-range-button',
          '.ral-export .ral-button',
          '.ral-settings-button',
        ]
        const tops = controls.map((selector) => box(selector)?.top ?? Number.NaN)
        return {
          spread: Math.max(...tops) - Math.min(...tops),
          firstRow: (box('tr[data-event-id]')?.top ?? Number.NaN) - (box('.ral-root')?.top ?? Number.NaN),
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        }
      })
    const desktop = await geometry()
    expect(desktop.spread).toBeLessThanOrEqual(1)
    expect(desktop.firstRow).toBeLessThanOrEqual(160)
    expect(desktop.overflow).toBeLessThanOrEqual(0)
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false)

    await page.setViewportSize({ width: 390, height: 844 })
    await page.locator('.ral-cards').waitFor()
    expect((await geometry()).overflow).toBeLessThanOrEqual(0)
    // Who, what and when of the first event are on the first screen.
    const card = page.locator('tr[data-event-id]').first()
    for (const role of ['who', 'what', 'when']) {
      const rect = await card.locator(`[data-card="${role}"]`).boundingBox()
      expect([role, rect !== null && rect.width > 0 && rect.y + rect.height <= 844]).toEqual([role, true])
    }
    expect(await page.getByRole('link', { name: 'Billing' }).isVisible()).toBe(false)
    await page.getByRole('button', { name: 'Menu' }).click()
    expect(await page.getByRole('link', { name: 'Billing' }).isVisible()).toBe(true)
    await page.getByRole('button', { name: 'Menu' }).click()
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  // Each step has its own bound, so a run on a loaded machine that stalls names the step that stalled.
  it('lets an owner hide a column and save the data structure over REST for the tenant', { timeout: 120_000 }, async () => {
    const step = { timeout: 25_000 }
    await select('Role').selectOption('owner', step)
    await page.getByRole('button', { name: 'Data structure' }).click(step)
    const panel = page.getByRole('region', { name: 'Data structure' })
    await panel.getByRole('switch', { name: 'Shown in table: IP address', exact: true }).click(step)
    await page.getByRole('columnheader', { name: /IP address/ }).waitFor({ state: 'detached', ...step })
    const saved = page.waitForRequest((request) => request.method() === 'PUT' && request.url().endsWith('/api/audit-logs/field-config'), step)
    await panel.getByRole('button', { name: 'Save' }).click(step)
    const request = await saved
    // Still the globex tenant the test above switched to.
    expect(request.headers()['x-tenant-id']).toBe('globex')
    const stored = request.postDataJSON() as Array<{ key: string; shown?: boolean }>
    expect(stored.find((field) => field.key === 'ip')?.shown).toBe(false)
    await panel.getByText('Saved.').waitFor(step)
  })
})
