import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium } from './browser'

let browser: Browser
let page: Page

const story = (id: string): string => `${inject('storybookUrl')}/iframe.html?id=${id}&viewMode=story`

beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.newPage()
})

afterAll(async () => {
  await browser.close()
})

describe('the built Storybook', () => {
  it('shows the embedded demo log with the memory adapter', async () => {
    await page.goto(story('auditlogs--memory-adapter'))
    const table = page.getByRole('table', { name: 'Audit log' })
    await table.getByRole('row').nth(50).waitFor()
    expect(await page.getByRole('status').textContent()).toBe('2,000 events')
    expect(await table.getByRole('row').count()).toBe(51)
  })

  it('serves the REST API through the MSW service worker to the fetch adapter', async () => {
    await page.goto(story('auditlogs--fetch-adapter'))
    await page.getByText('2,000 events').waitFor()
    // (The story's own play function may click "Load more" too; either way a further page comes over HTTP.)
    const nextPage = page.waitForResponse((response) => {
      const url = new URL(response.url())
      return url.pathname === '/api/audit-logs/events' && url.searchParams.has('cursor')
    })
    await page.getByRole('button', { name: 'Load more events' }).click()
    const response = await nextPage
    expect(response.status()).toBe(200)
    const body = (await response.json()) as { events: unknown[]; total: number }
    expect(body.events).toHaveLength(50)
    expect(body.total).toBe(2000)
    await page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(100).waitFor()
  })
})
