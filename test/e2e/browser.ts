import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { fileURLToPath } from 'node:url'

import Papa from 'papaparse'
import { type Browser, type Download, type Page, chromium } from 'playwright-core'

import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs'
import { serveStaticFolder } from '../../scripts/serveStatic.mjs'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Debian's Chromium for the end-to-end tests (headless by default). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
}

/**
 * Builds a Vite app for production (`config` and extra CLI arguments relative to the project) and serves its
 * output folder (relative to the project) with `headers` on every answer.
 */
export async function buildAndServe(
  config: string,
  outDir: string,
  args: string[] = [],
  headers: Record<string, string> = {},
): Promise<{ server: Server; url: string }> {
  const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', config, '--logLevel', 'warn', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (built.status !== 0) throw new Error(built.stderr)
  return serveStaticFolder(`${ROOT}${outDir}`, headers)
}

/** A page in a context of its own that accepts downloads, as Chromium delivers them to a person. */
export async function downloadingPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true })
  return context.newPage()
}

/** A downloaded CSV: whether it starts with a BOM, and its rows (CRLF-separated, as the viewer writes them). */
export async function readCsvDownload(download: Download): Promise<{ bom: boolean; rows: string[][] }> {
  const text = await readFile(await download.path(), 'utf8')
  const bom = text.startsWith('\uFEFF')
  return { bom, rows: Papa.parse<string[]>(bom ? text.slice(1) : text, { newline: '\r\n', skipEmptyLines: true }).data }
}

/**
 * The demo portal built against the real API (`VITE_AUDIT_API=server`, no MSW) into `outDir` (relative to the
 * project), served beside `api` on one origin: `/api/…` goes to the handler, the rest to the built files.
 */
export async function servePortalWithApi(
  api: (request: IncomingMessage, response: ServerResponse) => void,
  outDir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const built = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'examples/admin-portal/vite.config.ts',
      '--logLevel',
      'warn',
      '--outDir',
      `../../${outDir}`,
      '--emptyOutDir',
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production', VITE_AUDIT_API: 'server' } },
  )
  if (built.status !== 0) throw new Error(built.stderr)
  const statics = await serveStaticFolder(`${ROOT}${outDir}`)
  const server = createServer((request, response) => {
    if ((request.url ?? '').startsWith('/api/')) api(request, response)
    else statics.server.emit('request', request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve))
      await new Promise((resolve) => statics.server.close(resolve))
    },
  }
}
