import { fileURLToPath } from 'node:url'

import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

/** The demo portal imports `react-audit-logs` exactly as a customer would; here it resolves to the source. */
export default defineConfig({
  root: here('.'),
  publicDir: here('../../public'),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react-audit-logs\/styles\.css$/, replacement: here('../../src/styles.css') },
      { find: /^react-audit-logs\/msw$/, replacement: here('../../src/msw/index.ts') },
      { find: /^react-audit-logs$/, replacement: here('../../src/index.ts') },
    ],
  },
  server: { port: 5173 },
})
