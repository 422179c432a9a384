import { type Browser, chromium } from 'playwright-core'

import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs'

/** Debian's Chromium for the end-to-end tests (headless by default). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
}
