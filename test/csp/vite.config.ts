import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

/**
 * A page that runs every story (render and play) by itself, built like a production app, so the end-to-end
 * test can serve it under a strict Content-Security-Policy with Trusted Types required.
 */
export default defineConfig({
  root: here('.'),
  publicDir: here('../../public'),
  plugins: [react()],
  build: { outDir: here('../../.csp-dist'), emptyOutDir: true, modulePreload: false },
  logLevel: 'warn',
})
