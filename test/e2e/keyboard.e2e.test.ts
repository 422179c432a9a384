import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { downloadingPage, launchChromium, readCsvDownload } from './browser'

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  page = await downloadingPage(browser)
})

afterAll(async () => {
  await browser.close()
})

/** What has focus, as a person using a screen reader would hear it: role or tag, and accessible name. */
const focused = (): Promise<string> =>
  page.evaluate(() => {
    const element = document.activeElement
    if (!element) return ''
    const labelled = element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent
    return `${element.getAttribute('role') ?? element.tagName.toLowerCase()} ${labelled.trim()}`
  })

/** Presses Tab until the focused element matches, as a keyboard user would; fails after 80 presses. */
async function tabTo(target: RegExp): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (target.test(await focused())) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${String(target)}; last focus: ${await focused()}`)
}

/** The result count once it reads "N events" and passes `test`. */
async function settledCount(test: (text: string) => boolean): Promise<string> {
  for (let tries = 0; tries < 200; tries += 1) {
    const text = (await page.locator('.ral-count').textContent())?.trim() ?? ''
    if (/^[\d,]+ events?$/.test(text) && test(text)) return text
    await page.waitForTimeout(50)
  }
  throw new Error('the result count never settled')
}

const dialogTitle = () => page.locator('dialog.ral-drawer').getAttribute('aria-label')

describe('the whole job without a mouse', () => {
  it('searches, filters, opens an event, goes to the next, closes, and exports the matching events', { timeout: 60_000 }, async () => {
    await page.goto(`${inject('storybookUrl')}/iframe.html?id=auditlogs--memory-adapter&viewMode=story`)
    await page.getByText('2,000 events').waitFor()

    // Free-text search.
    await tabTo(/^input Search events/)
    await page.keyboard.type('Invoice')
    const searched = await settledCount((text) => text !== '2,000 events')

    // A field filter: Enter on "+ Filter" opens its panel; the field select keeps its first choice (Severity);
    // type a value and press Enter.
    await tabTo(/^button \+ Filter/)
    await page.keyboard.press('Enter')
    await page.getByLabel('Filter value').waitFor()
    await tabTo(/^input Filter value/)
    await page.keyboard.type('High')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Remove filter Severity: High' }).waitFor()
    const count = Number((await settledCount((text) => text !== searched)).match(/^(\d+) events?$/)?.[1])
    expect(count).toBeGreaterThan(0)

    // Into the table (one tab stop), down a row, Enter opens the drawer with focus inside it.
    await tabTo(/^tr /)
    await page.keyboard.press('ArrowDown')
    const rowId = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'))
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    expect(await focused()).toBe('button Close')
    const first = await dialogTitle()
    expect(first).toMatch(/^Invoice downloaded · /)

    // N: the next event.
    await page.keyboard.press('n')
    await page.waitForFunction((title) => document.querySelector('dialog.ral-drawer')?.getAttribute('aria-label') !== title, first)
    expect(await dialogTitle()).toMatch(/^Invoice downloaded · /)

    // Esc closes, and focus is back in the table on the event now open (the one after the first).
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    // The dialog hands focus back to where it was (the first row) as it closes; its close event, a task later,
    // moves it to the open event's row: waited for, as a busy machine may run the check in between.
    await page.waitForFunction((id) => {
      const active = document.activeElement
      return active?.tagName === 'TR' && active.getAttribute('data-event-id') !== id
    }, rowId)
    expect(await focused()).toMatch(/^tr /)

    // Back up to Download CSV (Shift+Tab), Enter: every matching event, and only those, in the file.
    for (let presses = 0; presses < 80 && !/^button Download CSV/.test(await focused()); presses += 1) await page.keyboard.press('Shift+Tab')
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    const { rows } = await readCsvDownload(download)
    const header = rows[0] ?? []
    const body = rows.slice(1)
    expect(body).toHaveLength(count)
    expect(body.every((row) => row[header.indexOf('Severity')] === 'High' && row.join(' ').includes('Invoice'))).toBe(true)
  })
})
