import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { downloadingPage, launchChromium, readCsvDownload } from './browser'
import { type HostileBackend, startHostileBackend } from './hostileBackend'

// How long the viewer is watched for more requests after it stopped. `HOSTILE_IDLE_MS=60000` checks a minute.
const IDLE_MS = Number(process.env.HOSTILE_IDLE_MS ?? 5_000)
const WATCHING = { timeout: 30_000 + 2 * IDLE_MS }

let browser: Browser
let backend: HostileBackend

beforeAll(async () => {
  ;[browser, backend] = await Promise.all([launchChromium(), startHostileBackend()])
})

afterAll(async () => {
  await Promise.all([browser.close(), backend.close()])
})

/** The story page with the viewer on one of the backend's scenarios, in a context that accepts downloads. */
async function viewerOn(scenario: string): Promise<Page> {
  const page = await downloadingPage(browser)
  await page.goto(
    `${inject('storybookUrl')}/iframe.html?id=tests-hostile-rest-backend--hostile-backend&viewMode=story&args=scenario:${scenario};port:${String(backend.port)}`,
  )
  return page
}

/** Scrolls the table's box to its end, again and again, for `milliseconds`: a person reaching the end of the list. */
async function keepScrolling(page: Page, milliseconds: number): Promise<void> {
  for (let waited = 0; waited < milliseconds; waited += 200) {
    await page.locator('.ral-table-scroll').evaluate((element) => {
      element.scrollTop = element.scrollHeight
    })
    await page.waitForTimeout(200)
  }
}

const rowIds = (page: Page): Promise<string[]> =>
  page.locator('tr[data-event-id]').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.eventId ?? ''))

describe('a real REST backend that misbehaves, through the fetch adapter in Chromium', () => {
  it('cycling cursors: loading stops with a notice, and then no request goes out while the person keeps scrolling', WATCHING, async () => {
    const page = await viewerOn('cycling')
    // The first rows (the viewer may load the next pages at once: twenty rows do not fill the box).
    await page.locator('tr[data-event-id]').first().waitFor()
    await keepScrolling(page, 1_000)
    await page.getByText(/sent a page position it had sent before, so loading stopped here/).waitFor()
    const settled = backend.calls('cycling')
    // The first page, a, b; a again is not followed.
    expect(settled).toBe(3)
    await keepScrolling(page, IDLE_MS)
    expect(backend.calls('cycling')).toBe(settled)

    // The export ends with an error, no file, after a bounded number of requests.
    await page.getByRole('button', { name: 'Download CSV' }).click()
    await page.getByText('The export failed.').waitFor()
    expect(backend.calls('cycling') - settled).toBeLessThanOrEqual(3)
    await page.waitForTimeout(IDLE_MS)
    expect(backend.calls('cycling') - settled).toBeLessThanOrEqual(3)
    await page.context().close()
  })

  it('endless empty pages: loading stops after three', WATCHING, async () => {
    const page = await viewerOn('empty')
    await page.locator('tr[data-event-id]').first().waitFor()
    await keepScrolling(page, 1_000)
    await page.getByText(/kept sending empty pages, so loading stopped here/).waitFor()
    expect(backend.calls('empty')).toBe(4)
    await keepScrolling(page, IDLE_MS)
    expect(backend.calls('empty')).toBe(4)
    await page.context().close()
  })

  it('events outside the range and a lying total: neither shown nor exported, and both said', async () => {
    const page = await viewerOn('lying')
    await page.getByText('The audit-log service sent 2 events from outside the searched range; they are not shown.').waitFor()
    await page
      .getByText('The audit-log service counted 1,000,000 matching events but sent 5; the count shown is corrected to what it sent.')
      .waitFor()
    await page.getByText('3 events', { exact: true }).waitFor()
    // In the backend's order: sorting is the backend's.
    expect(await rowIds(page)).toEqual(['jan-1', 'jan-2', 'jan-3'])
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
    const { rows } = await readCsvDownload(download)
    expect(rows).toHaveLength(4)
    expect(rows.flat().some((cell) => cell.startsWith('2025-12'))).toBe(false)
    await page.getByText(/2 events the audit-log service sent from outside the range were left out\./).waitFor()
    await page.context().close()
  })

  it('a spoofed actor: the row and the file carry the real user; the literal property is listed under its quoted name', async () => {
    const page = await viewerOn('spoof')
    const row = page.locator('tr[data-event-id="spoofed"]')
    await row.waitFor()
    expect(await row.textContent()).toContain('mallory@example.com')
    expect(await row.textContent()).not.toContain('ceo@example.com')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
    const { rows } = await readCsvDownload(download)
    expect(rows[1]).toContain('mallory@example.com')
    expect(rows.flat()).not.toContain('ceo@example.com')
    await row.locator('td').first().click()
    await page.getByRole('dialog').getByText('"user.email"').waitFor()
    await page.context().close()
  })

  it('impossible times: marked unreadable with their raw text in the row and the file, never moved to another day', async () => {
    const page = await viewerOn('times')
    await page.locator('tr[data-event-id="fine"]').waitFor()
    for (const [id, raw] of [
      ['seconds', '1768000000'],
      ['feb30', '2026-02-30T10:00:00Z'],
      ['nozone', '2026-01-10 10:00:00'],
    ] as const) {
      const text = await page.locator(`tr[data-event-id="${id}"]`).textContent()
      expect(text).toContain('Unreadable')
      expect(text).toContain(raw)
    }
    expect(await page.locator('tr[data-event-id="fine"]').textContent()).not.toContain('Unreadable')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
    const { rows } = await readCsvDownload(download)
    const times = rows.slice(1).map((row) => row[0])
    expect(times).toEqual(expect.arrayContaining(['1768000000', '2026-02-30T10:00:00Z', '2026-01-10 10:00:00']))
    expect(times.some((time) => time?.startsWith('2026-03-02') || time?.startsWith('1970'))).toBe(false)
    await page.context().close()
  })

  it('a connection reset in the middle of the answer: the viewer’s own words, and Retry', async () => {
    const page = await viewerOn('reset')
    await page.getByText('The audit-log service could not be reached. Check the connection.').waitFor()
    const text = await page.locator('body').textContent()
    expect(text).not.toMatch(/Failed to fetch|network error|ERR_/i)
    await page.getByRole('button', { name: 'Retry' }).waitFor()
    await page.context().close()
  })
})
