import type { Pool, PoolClient } from 'pg'

/**
 * Runs `work` on one connection inside one transaction: it commits when `work` resolves and rolls back when it
 * throws (the error is `work`'s, never the rollback's), and the connection goes back to the pool either way.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('begin')
    const result = await work(client)
    await client.query('commit')
    return result
  } catch (error) {
    await client.query('rollback').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}
