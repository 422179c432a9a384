import type { Server } from 'node:http'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildAndServe, launchChromium } from './browser'

/**
 * What a careful admin portal sends: scripts and styles only from its own origin (no inline script, no
 * eval, no inline style sheet), no plugins, and Trusted Types required for every DOM sink that can run code.
 * The one policy allowed, "default", is the test page's own and passes only MSW's service worker URL.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types default',
].join('; ')

let server: Server
let url = ''
let browser: Browser

interface Harness {
  stories?: string[]
  result?: string
  violations?: string[]
}

/** A fresh page that records every CSP violation (the listener is installed before the page's own code). */
async function openPage(): Promise<Page> {
  const page = await browser.newPage()
  await page.addInitScript(() => {
    const harness = window as Harness
    harness.violations = []
    document.addEventListener('securitypolicyviolation', (event) => {
      harness.violations?.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || event.sample} at ${event.sourceFile}:${String(event.lineNumber)}`,
      )
    })
  })
  return page
}

beforeAll(async () => {
  // Every story, built into one production page (test/story-page), as a host's build would bundle the library.
  ;({ server, url } = await buildAndServe('test/story-page/vite.config.ts', '.story-page-dist', [], { 'content-security-policy': POLICY }))
  browser = await launchChromium()
}, 180_000)

afterAll(async () => {
  await browser.close()
  await new Promise((resolve) => server.close(resolve))
})

describe('every story under a strict Content-Security-Policy with Trusted Types', () => {
  it('enforces the policy: an inline script and an innerHTML write are blocked and reported', async () => {
    const page = await openPage()
    await page.goto(url)
    await page.waitForFunction(() => (window as Harness).stories !== undefined)
    const outcome = await page.evaluate(() => {
      const harness = window as Harness & { __auditLogsXss?: unknown }
      let threw = false
      try {
        // The attack the policy must stop, on purpose.
        // eslint-disable-next-line no-restricted-syntax
        document.body.innerHTML = '<img src=x onerror="window.__auditLogsXss = true">'
      } catch {
        threw = true
      }
      try {
        const script = document.createElement('script')
        script.textContent = 'window.__auditLogsXss = true'
        document.body.append(script)
      } catch {
        threw = true
      }
      return { threw, canary: harness.__auditLogsXss }
    })
    await expect.poll(() => page.evaluate(() => (window as Harness).violations?.length)).toBeGreaterThanOrEqual(2)
    expect(outcome).toEqual({ threw: true, canary: undefined })
    await page.close()
  })

  it('renders and plays every story with zero violations', { timeout: 600_000 }, async () => {
    const page = await openPage()
    await page.goto(url)
    const ids = await page.waitForFunction(() => (window as Harness).stories).then((handle) => handle.jsonValue() as Promise<string[]>)
    expect(ids.length).toBeGreaterThan(30)
    const failures: string[] = []
    for (const id of ids) {
      await page.goto(`${url}/?story=${encodeURIComponent(id)}`)
      const result = await page
        .waitForFunction(() => (window as Harness).result, undefined, { timeout: 60_000 })
        .then((handle) => handle.jsonValue() as Promise<string>)
      const violations = await page.evaluate(() => (window as Harness).violations ?? [])
      if (result !== 'passed' || violations.length > 0) failures.push(`${id}: ${result}${violations.map((line) => `\n  ${line}`).join('')}`)
    }
    await page.close()
    expect(failures).toEqual([])
  })
})
