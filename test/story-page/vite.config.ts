import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

/**
 * A page that runs any story (render and play) by itself, built like a production app without Storybook's
 * own preview code: the end-to-end test serves it under a strict Content-Security-Policy with Trusted Types
 * required, and `npm run bench` measures the benchmark stories on it.
 */
export default defineConfig({
  root: here('.'),
  publicDir: here('../../public'),
  plugins: [react()],
  // Every story in one page: large by design.
  build: { outDir: here('../../.story-page-dist'), emptyOutDir: true, modulePreload: false, chunkSizeWarningLimit: 10_000 },
  logLevel: 'warn',
})
