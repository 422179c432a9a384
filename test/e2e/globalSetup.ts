import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import type { TestProject } from 'vitest/node'

import { serveStaticFolder } from '../../scripts/serveStatic.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    storybookUrl: string
  }
}

/** Serves the built Storybook (`npm run build-storybook`) for the end-to-end tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../../storybook-static', import.meta.url))
  if (!existsSync(`${root}/index.html`)) {
    throw new Error('The end-to-end tests need the built Storybook: run `npm run build-storybook` first (`npm test` does).')
  }
  const { server, url } = await serveStaticFolder(root)
  project.provide('storybookUrl', url)
  return () =>
    new Promise((resolve) =>
      server.close(() => {
        resolve()
      }),
    )
}
