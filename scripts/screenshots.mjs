#!/usr/bin/env node
// Screenshots of stories from the built Storybook (`npm run build-storybook` first), so the README's
// pictures are the stories as they are. `node scripts/screenshots.mjs` writes the README's set into
// docs/screenshots/; `--out=DIR story-id[@WIDTHxHEIGHT][:dark][#de][#rtl][!button name] …` takes any others (for
// reviewing a change): in German and/or right to left (Storybook's globals), after clicking the named button.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium } from 'playwright-core'

import { chromiumArgs, chromiumPath } from './chromium.mjs'
import { serveStaticFolder } from './serveStatic.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** The README's pictures: the default story light and dark, phones (also dark, German, right to left), a sheet, a notice, the drawer, the data-structure panel, the export and the auto theme. */
const README_SHOTS = [
  ['light', 'auditlogs--memory-adapter'],
  ['dark', 'embedding-theming-and-languages--dark'],
  ['small-screen', 'auditlogs--memory-adapter@390x844'],
  ['small-screen-dark-de-rtl', 'auditlogs--memory-adapter@390x844:dark#de#rtl'],
  ['small-screen-filter-de', 'auditlogs--memory-adapter@390x844#de!Filter'],
  ['notices', 'auditlogs--contradicting-backend@1280x400'],
  ['drawer', 'eventdetaildrawer--failed-result'],
  ['drawer-dark', 'eventdetaildrawer--failed-result:dark'],
  ['drawer-small-screen', 'eventdetaildrawer--diff-payload@390x844'],
  ['drawer-small-screen-dark-de-rtl', 'eventdetaildrawer--failed-result@390x844:dark#de#rtl'],
  // The story's play opens the panel; on a phone the sheet is opened by its button.
  ['data-structure', 'fieldsettings--default-structure'],
  ['data-structure-dark', 'fieldsettings--saving:dark'],
  ['data-structure-unsaved', 'fieldsettings--unsaved-changes'],
  ['data-structure-small-screen-de', 'fieldsettings--default-structure@390x844#de!Datenstruktur'],
  ['data-structure-small-screen-dark-de-rtl', 'fieldsettings--default-structure@390x844:dark#de#rtl!Datenstruktur'],
  ['export-menu-de', 'downloadcsvbutton--slow-backend@390x844#de!Welche Zeilen'],
  ['export-running-dark-de', 'downloadcsvbutton--slow-backend:dark#de!CSV herunterladen'],
  ['export-running-small-screen', 'downloadcsvbutton--slow-backend@390x844!Download CSV'],
  ['auto-theme-dark-system', 'auditlogs--auto-theme-in-light-host:dark'],
]

/** `id@390x844:dark#de#rtl!Filter` → a shot; the size defaults to 1280×800. */
function parseShot(text) {
  const [, story, width = '1280', height = '800', dark, de, rtl, click] =
    /^([^@:!#]+)(?:@(\d+)x(\d+))?(:dark)?(#de)?(#rtl)?(?:!(.+))?$/.exec(text) ?? []
  if (!story) throw new Error(`Not a story id: ${text}`)
  const size = `${width}x${height}`
  const suffix = `${size === '1280x800' ? '' : `-${size}`}${dark ? '-dark' : ''}${de ? '-de' : ''}${rtl ? '-rtl' : ''}${click ? `-${click.replace(/\W+/g, '-').toLowerCase()}` : ''}`
  const globals = [de ? 'lang:de' : '', rtl ? 'dir:rtl' : ''].filter(Boolean).join(';')
  return {
    name: `${story}${suffix}`,
    globals,
    story,
    width: Number(width),
    height: Number(height),
    dark: Boolean(dark),
    click,
    docs: story.endsWith('--docs'),
  }
}

const args = process.argv.slice(2)
const outArg = args.find((arg) => arg.startsWith('--out='))
const out = outArg ? outArg.slice('--out='.length) : join(ROOT, 'docs', 'screenshots')
const named = args.filter((arg) => !arg.startsWith('--')).map(parseShot)
const shots = named.length > 0 ? named : README_SHOTS.map(([name, spec]) => ({ ...parseShot(spec), name }))
mkdirSync(out, { recursive: true })

const { server, url } = await serveStaticFolder(join(ROOT, 'storybook-static'))
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.dark ? 'dark' : 'light' })
    const globals = shot.globals ? `&globals=${shot.globals}` : ''
    await page.goto(`${url}/iframe.html?id=${shot.story}&viewMode=${shot.docs ? 'docs' : 'story'}${globals}`)
    // A story is ready when its rows (or its state) show and the lazy parts have settled.
    await page.waitForSelector(shot.docs ? '#storybook-docs .sbdocs' : '#storybook-root .ral-root', { timeout: 15_000 })
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 }).catch(() => undefined)
    // The lazy parts (the timeline, the notices) draw after the rows.
    await page.waitForTimeout(1500)
    if (shot.click) {
      await page.getByRole('button', { name: shot.click }).first().click()
      await page.waitForTimeout(600)
    }
    const file = join(out, `${shot.name}.png`)
    await page.screenshot({ path: file, fullPage: Boolean(shot.docs) })
    console.log(file)
    await page.close()
  }
} finally {
  await browser.close()
  server.close()
}
