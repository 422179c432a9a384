import { type ColumnDef, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table'

import { fieldValue, isShown } from '../../core/fields'
import type { FormatOptions } from '../../core/format'
import { type QueryCapabilities, sortKeyOf } from '../../core/queryable'
import type { AuditEvent, AuditField } from '../../core/types'
import { FieldValue } from '../FieldValue/FieldValue'

/** The table features the viewer uses: sorting is done by the adapter, so only its state lives here. */
export const auditTableFeatures = tableFeatures({ rowSortingFeature })

export type AuditTableFeatures = typeof auditTableFeatures

/**
 * Compiles the data structure to table columns: the shown fields, in order. A column is sortable when the
 * adapter can sort by its field (`sortKeyOf`); the column's id is the field's key.
 */
export function fieldsToColumns<TEvent extends AuditEvent>(
  fields: readonly AuditField<TEvent>[],
  format: FormatOptions,
  capabilities: QueryCapabilities = {},
): ColumnDef<AuditTableFeatures, TEvent>[] {
  const helper = createColumnHelper<AuditTableFeatures, TEvent>()
  return fields.filter(isShown).map((field) =>
    helper.accessor((event) => fieldValue(field, event), {
      id: field.key,
      header: field.label,
      cell: ({ row }) => <FieldValue field={field} event={row.original} format={format} />,
      enableSorting: sortKeyOf(field, capabilities) !== null,
      // Times read newest first on the first click; text A to Z.
      sortDescFirst: field.type === 'datetime' || field.type === 'number',
    }),
  )
}
