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
    const responses: string[] = []
    page.on('response', (response) => responses.push(new URL(response.url()).pathname))
    await page.getByRole('button', { name: 'Load more events' }).click()
    await page.getByRole('table', { name: 'Audit log' }).getByRole('row').nth(100).waitFor()
    expect(responses).toContain('/api/audit-logs/events')
  })
})
