// Debian's Chromium, started the way that works on a closed network (no browser is downloaded).
// Shared by Vitest's browser projects, the Playwright end-to-end tests and the benchmarks.

/** Where Chromium is; `CHROMIUM_PATH` overrides `/usr/bin/chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags: no sandbox (root), no GPU, and no background traffic that would flood the closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]
