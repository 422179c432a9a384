import type { Pool } from 'pg'

/** How far from now ingest makes a month's partition when it meets one; times beyond go to the default partition. */
const BACK_MONTHS = 10 * 12
const AHEAD_MONTHS = 12
/** Months made ahead at start: this one and the next two (and the last, for events just behind). */
const MADE_AHEAD = [-1, 0, 1, 2]

const monthIndex = (instant: Date): number => instant.getUTCFullYear() * 12 + instant.getUTCMonth()
const monthStart = (index: number): string => new Date(Date.UTC(Math.floor(index / 12), index % 12, 1)).toISOString()

/**
 * The monthly partitions of `audit_events`, made by the store: the months around now at start, and a month
 * ingest meets without one before its events are stored (outside the transaction that stores them, so a
 * partition's brief lock never waits behind an insert). Months already made or tried are remembered.
 */
export function partitionMaker(pool: Pool) {
  const known = new Set<number>()

  const make = async (index: number): Promise<void> => {
    await pool.query('select audit_events_partition($1::timestamptz)', [monthStart(index)])
    known.add(index)
  }

  return {
    /** Makes this month's neighbours and learns which months exist (after `migrate`). */
    async start(now = new Date()): Promise<void> {
      const { rows } = await pool.query<{ name: string }>(
        `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
         where i.inhparent = to_regclass(current_schema() || '.audit_events')`,
      )
      for (const { name } of rows) {
        const match = /^audit_events_y(\d{4})m(\d{2})$/.exec(name)
        if (match) known.add(Number(match[1]) * 12 + Number(match[2]) - 1)
      }
      for (const offset of MADE_AHEAD) if (!known.has(monthIndex(now) + offset)) await make(monthIndex(now) + offset)
    },
    /** Makes the partitions of the months of some event times that have none yet (within the window). */
    async ensureFor(times: readonly string[], now = new Date()): Promise<void> {
      const current = monthIndex(now)
      const months = new Set(times.map((time) => monthIndex(new Date(time))))
      for (const index of months) {
        if (known.has(index) || !Number.isFinite(index) || index < current - BACK_MONTHS || index > current + AHEAD_MONTHS) continue
        await make(index)
      }
      // The next month is made ahead as the current one is first met.
      if (!known.has(current + 1)) await make(current + 1)
    },
  }
}
