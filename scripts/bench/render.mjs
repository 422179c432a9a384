// Render figures in Chromium: data to first visible rows and DOM rows for 1k, 10k and 100k loaded events,
// long tasks while scrolling top to bottom, and opening the drawer on a 1 MB payload. The benchmark stories
// run on the story page (test/story-page), a production build without Storybook's preview code, whose
// own work on every DOM change (its highlight addon measures every element) would be counted otherwise.
import { fileURLToPath } from 'node:url'

import { chromium } from 'playwright-core'
import { build } from 'vite'

import { chromiumArgs, chromiumPath } from '../chromium.mjs'
import { serveStaticFolder } from '../serveStatic.mjs'
import { ms, verdict } from './machine.mjs'

async function firstRows(page, url, count) {
  await page.goto(`${url}/?story=benchmarks-render--render&args=count:${count}`)
  await page.waitForFunction(() => window.__bench?.firstRowsAt, null, { timeout: 120_000 })
  return page.evaluate(() => ({
    ms: window.__bench.firstRowsAt - window.__bench.dataReadyAt,
    rows: document.querySelectorAll('tr[data-event-id]').length,
  }))
}

/** Scrolls top to bottom in 300 frames, counting DOM rows and long tasks (> 50 ms) on the way. */
async function scrollThrough(page) {
  return page.evaluate(async () => {
    const longTasks = []
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration)))
    observer.observe({ type: 'longtask', buffered: false })
    const box = document.querySelector('.ral-table-scroll')
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
    let maxRows = 0
    const steps = 300
    for (let step = 1; step <= steps; step += 1) {
      box.scrollTop = ((box.scrollHeight - box.clientHeight) * step) / steps
      await frame()
      maxRows = Math.max(maxRows, document.querySelectorAll('tr[data-event-id]').length)
    }
    await frame()
    observer.disconnect()
    return { maxRows, longTasks: longTasks.length, longest: Math.max(0, ...longTasks) }
  })
}

async function drawerOpen(page, url) {
  await page.goto(`${url}/?story=benchmarks-render--large-payload-drawer`)
  const row = page.locator('tr[data-event-id="evt_large_payload"]')
  await row.waitFor()
  // The click's own time stamp, taken in the page before React handles it.
  await page.evaluate(() => document.addEventListener('click', () => (window.__clickAt = performance.now()), { capture: true }))
  const times = []
  for (let run = 0; run < 3; run += 1) {
    await row.click()
    times.push(
      await page.evaluate(async () => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
        // Until the open dialog shows the payload, then the frame that paints it.
        for (let frames = 0; !document.querySelector('dialog[open] .ral-json'); frames += 1) {
          if (frames > 300) throw new Error('the drawer did not show the payload')
          await frame()
        }
        await frame()
        return performance.now() - window.__clickAt
      }),
    )
    await page.keyboard.press('Escape')
    await page
      .locator('dialog[open]')
      .waitFor({ state: 'detached' })
      .catch(() => {})
  }
  return Math.min(...times)
}

/**
 * Opens each event of a hostile shape (20 MB texts, 100,000 properties, 10,000 levels, 100,000 items, 1 MB):
 * the worst time from the click to the painted dialog showing that event, and the longest task on the way.
 */
export async function hostileDrawerOpens(page, url) {
  await page.goto(`${url}/?story=benchmarks-render--hostile-shapes-drawer`)
  await page.locator('tr[data-event-id]').first().waitFor()
  const ids = await page.evaluate(() => [...document.querySelectorAll('tr[data-event-id]')].map((row) => row.dataset.eventId))
  await page.evaluate(() => document.addEventListener('click', () => (window.__clickAt = performance.now()), { capture: true }))
  // The drawer's code loaded first (as the viewer preloads it when idle): this figure is the drawer's own work.
  await page
    .locator(`tr[data-event-id="${ids.at(-1)}"] td`)
    .first()
    .click()
  await page.locator('dialog[open]').waitFor()
  await page.keyboard.press('Escape')
  await page.locator('dialog[open]').waitFor({ state: 'detached' })
  let worst = 0
  let longest = 0
  const each = {}
  for (const id of ids) {
    await page.evaluate(() => {
      window.__longTasks = []
      window.__observer = new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((entry) => entry.duration)))
      window.__observer.observe({ type: 'longtask', buffered: false })
    })
    await page.locator(`tr[data-event-id="${id}"] td`).first().click()
    const figure = await page.evaluate(async (eventId) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
      for (let frames = 0; !document.querySelector('dialog[open]')?.textContent.includes(eventId); frames += 1) {
        if (frames > 600) throw new Error(`the drawer did not show ${eventId}`)
        await frame()
      }
      await frame()
      const took = performance.now() - window.__clickAt
      // Tasks that end after the paint still belong to the open.
      await new Promise((resolve) => setTimeout(resolve, 300))
      window.__observer.disconnect()
      return { took, longest: Math.max(0, ...window.__longTasks) }
    }, id)
    worst = Math.max(worst, figure.took)
    longest = Math.max(longest, figure.longest)
    each[id] = figure
    await page.keyboard.press('Escape')
    await page
      .locator('dialog[open]')
      .waitFor({ state: 'detached' })
      .catch(() => {})
  }
  return { worst, longest, count: ids.length, each }
}

export async function renderFigures() {
  await build({ configFile: fileURLToPath(new URL('../../test/story-page/vite.config.ts', import.meta.url)), mode: 'production' })
  const { server, url } = await serveStaticFolder(fileURLToPath(new URL('../../.story-page-dist', import.meta.url)))
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const rows = []
    for (const count of [1_000, 10_000, 100_000]) {
      const first = await firstRows(page, url, count)
      const label = count.toLocaleString('en-US')
      rows.push([
        `render ${label} events: data to first visible rows`,
        ms(first.ms),
        count === 100_000 ? '≤ 50 ms' : '',
        count === 100_000 ? verdict(first.ms <= 50) : '',
      ])
      rows.push([`render ${label} events: row elements in the DOM`, String(first.rows), '≤ 60', verdict(first.rows <= 60)])
      if (count === 100_000) {
        const scroll = await scrollThrough(page)
        rows.push([`scroll ${label} top to bottom (300 frames): most rows in the DOM`, String(scroll.maxRows), '≤ 60', verdict(scroll.maxRows <= 60)])
        rows.push([
          `scroll ${label}: long tasks > 50 ms`,
          `${scroll.longTasks} (longest ${ms(scroll.longest)})`,
          '0',
          verdict(scroll.longTasks === 0),
        ])
      }
    }
    const drawer = await drawerOpen(page, url)
    rows.push(['drawer open on a 1 MB payload (best of 3)', ms(drawer), '≤ 100 ms', verdict(drawer <= 100)])
    const hostile = await hostileDrawerOpens(page, url)
    rows.push([
      `drawer open, worst of ${hostile.count} hostile shapes (20 MB text, 100k keys, 10k levels…)`,
      ms(hostile.worst),
      '≤ 200 ms',
      verdict(hostile.worst <= 200),
    ])
    rows.push(['drawer open on hostile shapes: longest task', ms(hostile.longest), '≤ 50 ms', verdict(hostile.longest <= 50)])
    return rows
  } finally {
    await browser.close()
    server.close()
  }
}
