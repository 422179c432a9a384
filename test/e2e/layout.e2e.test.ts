import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchChromium } from './browser'

/**
 * Every story at a phone's and a laptop's size, in English and German, left to right and right to left: nothing
 * of the viewer is wider than its box, no text is cut without a way to read it all, no two controls of the bar
 * or of a phone card share pixels. One browser and one page: stories and languages are switched through
 * Storybook's own channel, as its toolbar does, so a story is rendered once per language and direction.
 *
 * Four passes: English and German (the long words: cut and wrapped labels), each left to right and right to
 * left (the mirrored layout: what sticks out past the start edge). A story is measured once it has settled
 * (its play done, nothing loading, no request open, its layout the same two frames running), never after a
 * fixed pause: on a busy two-core CI a pause is either too short or wasted.
 */

const SCREENS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const
const VARIANTS = [
  { lang: 'en', dir: 'ltr' },
  { lang: 'en', dir: 'rtl' },
  { lang: 'de', dir: 'ltr' },
  { lang: 'de', dir: 'rtl' },
] as const
// Bounds, not pauses: a story that still plays or loads after them (a slow backend on purpose) is measured as
// it is then.
const PLAY_BOUND_MS = 2_500
const SETTLE_BOUND_MS = 2_000
// A story's play looks for English words: in German it is measured once drawn, not after its play gives up.
const DONE = { en: /:(completed|finished|errored|aborted)$/, de: /:(playing|completed|finished|errored|aborted)$/ }

const measure = readFileSync(fileURLToPath(new URL('./layoutProblems.js', import.meta.url)), 'utf8')
const storyIds = (): string[] => {
  const index = JSON.parse(readFileSync(fileURLToPath(new URL('../../storybook-static/index.json', import.meta.url)), 'utf8')) as {
    entries: Record<string, { id: string; type: string }>
  }
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => entry.id)
}

let browser: Browser
let page: Page
// The page's requests still open (lazy chunks, a REST story's calls through its mock service worker).
let open = 0
// Where the page went while a story was shown: a story must never navigate its host page (a form sent natively).
let navigations: string[] = []

beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.newPage({ viewport: SCREENS[0] })
  page.on('request', () => (open += 1))
  page.on('requestfinished', () => (open -= 1))
  page.on('requestfailed', () => (open -= 1))
  await page.addInitScript(measure)
  await page.addInitScript(() => {
    // The phase of the story on screen, from Storybook's channel.
    const watch = (): void => {
      const channel = (
        window as unknown as {
          __STORYBOOK_ADDONS_CHANNEL__?: { on: (name: string, listener: (event: { storyId: string; newPhase: string }) => void) => void }
        }
      ).__STORYBOOK_ADDONS_CHANNEL__
      if (!channel) return void setTimeout(watch, 20)
      channel.on('storyRenderPhaseChanged', (event) => {
        ;(window as unknown as { storyPhase: string }).storyPhase = `${event.storyId}:${event.newPhase}`
      })
    }
    watch()
  })
  await openStorybook()
  // A new document, not a change of its address (Storybook and the viewer's URL state change that).
  page.on('domcontentloaded', () => navigations.push(page.url()))
})

/** Storybook's page, on the first story (again, after a story navigated away from it). */
async function openStorybook(): Promise<void> {
  await page.goto(`${inject('storybookUrl')}/iframe.html?id=${storyIds()[0] ?? ''}&viewMode=story`)
  await page.waitForFunction(() => (window as unknown as { storyPhase?: string }).storyPhase)
  navigations = []
}

afterAll(async () => {
  await browser.close()
})

/** Shows a story (or the same one in other globals) and waits until it has settled. */
async function show(storyId: string, variant: (typeof VARIANTS)[number]): Promise<void> {
  await page.evaluate(
    ({ storyId, variant }) => {
      const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit: (name: string, payload: unknown) => void } })
        .__STORYBOOK_ADDONS_CHANNEL__
      ;(window as unknown as { storyPhase: string }).storyPhase = ''
      channel.emit('updateGlobals', { globals: variant })
      channel.emit('setCurrentStory', { storyId, viewMode: 'story' })
    },
    { storyId, variant },
  )
  await page
    .waitForFunction(
      ({ id, done }) => {
        const phase = (window as unknown as { storyPhase: string }).storyPhase
        return phase.startsWith(`${id}:`) && new RegExp(done).test(phase)
      },
      { id: storyId, done: DONE[variant.lang].source },
      { timeout: PLAY_BOUND_MS },
    )
    .catch(() => undefined)
  await settle()
}

/** Waits until nothing loads (no busy table, no open request) and the layout is the same two frames running. */
async function settle(): Promise<void> {
  const bound = performance.now() + SETTLE_BOUND_MS
  for (;;) {
    const still = await page.evaluate(() => (window as unknown as { layoutStill: () => Promise<boolean> }).layoutStill())
    if ((still && open === 0) || performance.now() > bound) return
  }
}

async function problemsAt(screen: (typeof SCREENS)[number]): Promise<string[]> {
  const current = page.viewportSize()
  if (current?.width !== screen.width) {
    await page.setViewportSize(screen)
    // The viewer measures its box (cards below 640 px) on the next frames.
    await settle()
  }
  const found = await page.evaluate(() => (window as unknown as { layoutProblems: () => string[] }).layoutProblems())
  return found.map((problem) => `${screen.width}px: ${problem}`)
}

describe.each(VARIANTS)('every story in $lang, $dir', (variant) => {
  it.each(storyIds())('%s', async (storyId) => {
    let { problems, went } = await measureStory(storyId, variant)
    if (went.length > 0) {
      // Seen now and then in a German pass, whose plays look for English words and fail: the page loads anew.
      // Measured once more on a fresh page; a story that navigates again fails.
      console.warn(`${storyId} (${variant.lang}, ${variant.dir}): the page loaded anew (${went.join(', ')}); measured again`)
      await openStorybook()
      ;({ problems, went } = await measureStory(storyId, variant))
      if (went.length > 0) await openStorybook()
    }
    expect(went, 'the page loaded anew').toEqual([])
    expect(problems).toEqual([])
  })
})

/** The story's problems at both sizes, and whether the page loaded a new document meanwhile. */
async function measureStory(storyId: string, variant: (typeof VARIANTS)[number]): Promise<{ problems: string[]; went: string[] }> {
  let problems: string[]
  try {
    await show(storyId, variant)
    // The screen it was left at first, then the other: each story is drawn once per language and direction.
    const first = page.viewportSize()?.width === SCREENS[1].width ? SCREENS[1] : SCREENS[0]
    const second = first === SCREENS[0] ? SCREENS[1] : SCREENS[0]
    problems = [...(await problemsAt(first)), ...(await problemsAt(second))]
  } catch (error) {
    problems = [`not measured: ${String(error)}`]
  }
  // A failed evaluate says the document went away before its load event was seen.
  const went = problems.some((problem) => problem.includes('Execution context was destroyed')) ? [...navigations, 'destroyed'] : navigations
  return { problems, went }
}
