import type { BrowserCommand } from 'vitest/node'

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Emulates the system's colour scheme (`prefers-color-scheme`) for the page, as a person's OS setting would. */
    emulateColorScheme: (scheme: 'light' | 'dark') => Promise<void>
  }
}

export const emulateColorScheme: BrowserCommand<['light' | 'dark']> = async ({ page }, scheme) => {
  await page.emulateMedia({ colorScheme: scheme })
}
