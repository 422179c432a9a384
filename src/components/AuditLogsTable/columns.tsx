import { type ColumnDef, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table'

import { fieldValue, isShown } from '../../core/fields'
import type { FormatOptions } from '../../core/format'
import { type QueryCapabilities, sortKeyOf } from '../../core/queryable'
import type { AuditEvent, AuditField } from '../../core/types'
import { FieldValue } from '../FieldValue/FieldValue'

/** The table features the viewer uses: sorting is done by the adapter, so only its state lives here. */
export const auditTableFeatures = tableFeatures({ rowSortingFeature })

export type AuditTableFeatures = typeof auditTableFeatures

/** Column widths by field type, in rem; a text column shares what is left (at least 8rem). */
const WIDTHS: Partial<Record<string, number>> = { datetime: 13.5, severity: 9, status: 10, ip: 9.5, email: 15, actor: 15, number: 6, json: 16 }
const TEXT_MIN = 8

/** A column's width in rem, or `undefined` for a text column that takes its share of the rest. */
export const columnWidth = (kind: string): number | undefined => WIDTHS[kind]

/** The least width the columns need, in rem: below it the table scrolls sideways (and shows that it does). */
export const tableMinWidth = (kinds: readonly string[]): number => kinds.reduce((sum, kind) => sum + (WIDTHS[kind] ?? TEXT_MIN), 0)

/**
 * A shown `x.name` and a shown email field `x.email` make one actor column: the name with the email muted
 * under it. The email field stays a field (the drawer, the filters and the CSV keep it).
 */
function actorPairs<TEvent extends AuditEvent>(shown: readonly AuditField<TEvent>[]): Map<string, AuditField<TEvent>> {
  const pairs = new Map<string, AuditField<TEvent>>()
  for (const email of shown) {
    if (email.type !== 'email' || !email.key.endsWith('.email') || email.value) continue
    const name = shown.find((field) => field.key === `${email.key.slice(0, -5)}name` && (field.type ?? 'text') === 'text')
    if (name) pairs.set(name.key, email)
  }
  return pairs
}

/** The table's columns in order: each shown field, with the email drawn under it when it is an actor's name. */
export function tableColumns<TEvent extends AuditEvent>(
  fields: readonly AuditField<TEvent>[],
): { field: AuditField<TEvent>; email?: AuditField<TEvent> }[] {
  const shown = fields.filter(isShown)
  const actors = actorPairs(shown)
  const merged = new Set(actors.values())
  return shown.filter((field) => !merged.has(field)).map((field) => ({ field, ...(actors.has(field.key) ? { email: actors.get(field.key) } : {}) }))
}

/**
 * Which column a small screen's card shows where: who, what, when and severity first; the rest is in the
 * drawer. The first time and severity fields, the actor (or a user field), the action (or the first text).
 */
export function cardRoles(columns: readonly { field: AuditField<never>; email?: unknown }[]): (string | undefined)[] {
  const roles: (string | undefined)[] = columns.map(() => undefined)
  const take = (role: string, test: (column: { field: AuditField<never>; email?: unknown }) => boolean): void => {
    const index = columns.findIndex((column, at) => roles[at] === undefined && test(column))
    if (index >= 0 && !roles.includes(role)) roles[index] = role
  }
  take('when', ({ field }) => field.type === 'datetime')
  take('severity', ({ field }) => field.type === 'severity')
  take('who', ({ field, email }) => Boolean(email) || /user|actor/i.test(field.key))
  take('what', ({ field }) => /action|event/i.test(field.key))
  take('what', ({ field }) => (field.type ?? 'text') === 'text')
  return roles
}

/** What sets a column's width: its field's type, or `actor`. */
export const columnKind = ({ field, email }: { field: AuditField<never>; email?: unknown }): string => (email ? 'actor' : (field.type ?? 'text'))

/**
 * Compiles the data structure to table columns: the shown fields, in order, a name and email of one actor
 * as one column. A column is sortable when the adapter can sort by its field (`sortKeyOf`); the column's id
 * is the field's key.
 */
export function fieldsToColumns<TEvent extends AuditEvent>(
  fields: readonly AuditField<TEvent>[],
  format: FormatOptions,
  capabilities: QueryCapabilities = {},
): ColumnDef<AuditTableFeatures, TEvent>[] {
  const helper = createColumnHelper<AuditTableFeatures, TEvent>()
  return tableColumns(fields).map(({ field, email }) =>
    helper.accessor((event) => fieldValue(field, event), {
      id: field.key,
      header: field.label,
      cell: ({ row }) =>
        email ? (
          <span className="ral-actor">
            <FieldValue field={field} event={row.original} format={format} compact />
            <FieldValue field={email} event={row.original} format={format} compact />
          </span>
        ) : (
          <FieldValue field={field} event={row.original} format={format} compact />
        ),
      enableSorting: sortKeyOf(field, capabilities) !== null,
      // Times read newest first on the first click; text A to Z.
      sortDescFirst: field.type === 'datetime' || field.type === 'number',
    }),
  )
}
