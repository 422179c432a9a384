import type { AuditField } from '../core/types'
import type { ExportRequest } from './export/exportRequest'
import type { AuditActor } from './types'
import type { RouteContext } from './routes/context'

const MODULE = 'Audit logs'
const RESOURCE = 'Audit log'

/** Who did it, as the host's `actor` option says (no actor is recorded without one). */
export async function actorOf({ request, tenantId, options }: RouteContext): Promise<AuditActor | null> {
  const actor = options.actor ? await options.actor(request, { tenantId }) : null
  return actor && typeof actor === 'object' ? actor : null
}

async function record(context: RouteContext, event: { action: string; severity: string; payload: unknown }): Promise<void> {
  const user = await actorOf(context)
  await context.options.store.sendAudit({
    tenantId: context.tenantId,
    module: MODULE,
    resource: RESOURCE,
    result: 'success',
    ...event,
    ...(user ? { user } : {}),
  })
}

/** An export is recorded before its first byte: a file that leaves no trace cannot be had. */
export const recordExport = (context: RouteContext, request: ExportRequest): Promise<void> =>
  record(context, {
    action: 'Audit log exported',
    severity: 'Medium',
    payload: { search: request.search, columns: request.columns.map((column) => column.key), fileName: request.fileName, timeZone: request.timeZone },
  })

interface FieldSummary {
  label?: unknown
  shown?: unknown
  exported?: unknown
  type?: unknown
}

const summary = (field: unknown): FieldSummary | undefined => {
  if (typeof field !== 'object' || field === null) return undefined
  const { label, shown, exported, type } = field as AuditField
  return { label, shown: shown ?? true, exported: exported ?? true, ...(type ? { type } : {}) }
}

/** What changed in a data structure, field by field: `[{ field, from, to }]`, as the drawer's change table reads it. */
export function fieldChanges(
  before: readonly unknown[] | null,
  after: readonly unknown[],
): Array<{ field: string; from?: FieldSummary; to?: FieldSummary }> {
  const byKey = (list: readonly unknown[]) =>
    new Map(list.map((field) => [String((field as { key?: unknown }).key), field] as const).filter(([key]) => key !== 'undefined'))
  const old = byKey(before ?? [])
  const next = byKey(after)
  const changes: Array<{ field: string; from?: FieldSummary; to?: FieldSummary }> = []
  for (const key of new Set([...old.keys(), ...next.keys()])) {
    const from = summary(old.get(key))
    const to = summary(next.get(key))
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field: key, ...(from ? { from } : {}), ...(to ? { to } : {}) })
  }
  return changes
}

/** A change of the data structure (what is shown and exported) is recorded with what changed. */
export const recordFieldConfigChange = (context: RouteContext, before: readonly unknown[] | null, after: readonly unknown[]): Promise<void> =>
  record(context, { action: 'Audit log data structure changed', severity: 'Medium', payload: { changes: fieldChanges(before, after) } })

/** A reveal is recorded before the value leaves: nobody sees a hidden value without a trace. */
export const recordReveal = (context: RouteContext, eventId: string, path: string): Promise<void> =>
  record(context, { action: 'Hidden value revealed', severity: 'High', payload: { eventId, path } })
