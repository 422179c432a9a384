import type { Pool, PoolClient } from 'pg'

/**
 * Runs `work` on one connection inside one transaction: it commits when `work` resolves (and `commits` says
 * so of its result) and rolls back otherwise or when it throws (the error is `work`'s, never the rollback's),
 * and the connection goes back to the pool either way.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  commits: (result: T) => boolean = () => true,
): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    const result = await work(client)
    await client.query(commits(result) ? 'commit' : 'rollback')
    return result
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}
