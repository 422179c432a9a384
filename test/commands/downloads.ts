import { readFile } from 'node:fs/promises'

import type { Download } from 'playwright-core'
import type { BrowserCommand } from 'vitest/node'

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Starts listening for the page's next download (call it before the click that starts one). */
    expectDownload: () => Promise<void>
    /** The file Chromium saved for that download: its suggested name and its text. */
    takeDownload: () => Promise<{ name: string; text: string }>
    /** Starts counting the page's downloads (for tests that prove none happens). */
    countDownloads: () => Promise<void>
    /** Downloads since `countDownloads`. */
    countedDownloads: () => Promise<number>
  }
}

const pending = new Map<string, Promise<Download>>()

/**
 * Browser commands run in Node beside Playwright: the test clicks in the page, Chromium saves the download
 * as it would for a person, and the test reads the saved file. Nothing in the page is stubbed.
 */
export const expectDownload: BrowserCommand = ({ page, sessionId }) => {
  pending.set(sessionId, page.waitForEvent('download', { timeout: 30_000 }))
  return Promise.resolve()
}

export const takeDownload: BrowserCommand<[], Promise<{ name: string; text: string }>> = async ({ sessionId }) => {
  const download = pending.get(sessionId)
  if (!download) throw new Error('Call commands.expectDownload() before the click that downloads.')
  pending.delete(sessionId)
  const saved = await download
  const path = await saved.path()
  return { name: saved.suggestedFilename(), text: await readFile(path, 'utf8') }
}

const counted = new Map<string, number>()

export const countDownloads: BrowserCommand = ({ page, sessionId }) => {
  if (!counted.has(sessionId)) page.on('download', () => counted.set(sessionId, (counted.get(sessionId) ?? 0) + 1))
  counted.set(sessionId, 0)
  return Promise.resolve()
}

export const countedDownloads: BrowserCommand<[], Promise<number>> = ({ sessionId }) => Promise.resolve(counted.get(sessionId) ?? 0)
