import type { Browser, Page, Response } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { downloadingPage, launchChromium, readCsvDownload } from './browser'

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
    await page.getByText('2,000 events').waitFor()
    expect(await page.getByText('2,000 events').getAttribute('role')).toBe('status')
    const rows = await page.getByRole('table', { name: 'Audit log' }).getByRole('row').count()
    // Virtual rows: the window and overscan are drawn, never the whole log.
    expect(rows).toBeGreaterThan(5)
    expect(rows).toBeLessThan(60)
  })

  it('serves the REST API through the MSW service worker to the fetch adapter', async () => {
    await page.goto(story('auditlogs--fetch-adapter'))
    await page.getByText('2,000 events').waitFor()
    // Scrolling to the end of the loaded rows asks for the next page (the story's play may scroll too).
    const nextPage = page.waitForResponse((response) => {
      const url = new URL(response.url())
      return url.pathname === '/api/audit-logs/events' && url.searchParams.has('cursor')
    })
    // Scroll to the end until the request goes out (the box may still be measuring on a busy machine).
    let response: Response | undefined
    void nextPage.then((answer) => (response = answer))
    for (let tries = 0; tries < 50 && !response; tries += 1) {
      await page.locator('.ral-table-scroll').evaluate((element) => {
        element.scrollTop = element.scrollHeight
      })
      await page.waitForTimeout(200)
    }
    if (!response) response = await nextPage
    expect(response.status()).toBe(200)
    const body = (await response.json()) as { events: unknown[]; total: number }
    expect(body.events).toHaveLength(50)
    expect(body.total).toBe(2000)
    // Rows beyond the first page are drawn (virtual rows: only those near the end are in the DOM).
    await page.waitForFunction(
      () => Math.max(...[...document.querySelectorAll('tr[aria-rowindex]')].map((row) => Number(row.getAttribute('aria-rowindex')))) > 51,
    )
  })

  it('downloads the whole log as CSV: a real file with the exported header and every row', async () => {
    const downloadPage = await downloadingPage(browser)
    await downloadPage.goto(story('auditlogs-hostile-data--to-download'))
    await downloadPage.getByText('2,000 events').waitFor()
    const [download] = await Promise.all([downloadPage.waitForEvent('download'), downloadPage.getByRole('button', { name: 'Download CSV' }).click()])
    expect(download.suggestedFilename()).toMatch(/^audit-logs_start_\d{4}-\d{2}-\d{2}\.csv$/)
    const { bom, rows } = await readCsvDownload(download)
    expect(bom).toBe(true)
    expect(rows[0]).toEqual([
      'Time',
      'Severity',
      'Action',
      'Resource',
      'Module',
      'Result',
      'User',
      'Email',
      'User ID',
      'Permission ID',
      'Tenant',
      'IP address',
      'Environment',
      'Locale',
      'Payload',
    ])
    expect(rows).toHaveLength(2001)
    // No cell in the file starts a formula (the demo log holds hostile strings).
    const triggers = /^[=+\-@\t\r\n\0]/
    expect(rows.flat().filter((cell) => triggers.test(cell) && !/^[+-]?\d/.test(cell))).toEqual([])
    await downloadPage.context().close()
  })

  it('has the Getting started guide and a props table for the components', async () => {
    await page.goto(`${inject('storybookUrl')}/iframe.html?id=getting-started--docs&viewMode=docs`)
    await page.getByRole('heading', { name: 'Write an adapter' }).waitFor()
    await page.goto(`${inject('storybookUrl')}/iframe.html?id=auditlogs--docs&viewMode=docs`)
    // The props table reads the TypeScript types and their JSDoc.
    await page.getByText('to hide the download').first().waitFor()
  })
})
