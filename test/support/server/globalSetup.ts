import type { TestProject } from 'vitest/node'

import { startEmbeddedPostgres } from '../../../src/server/embedded'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

/** One real PostgreSQL for the server tests: a fresh temporary folder and a free port, removed on stop. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startEmbeddedPostgres()
  project.provide('postgresUrl', postgres.url)
  return () => postgres.stop()
}
