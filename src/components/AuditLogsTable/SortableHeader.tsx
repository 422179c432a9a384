import type { Header } from '@tanstack/react-table'

import type { AuditEvent } from '../../core/types'
import type { AuditTableFeatures } from './columns'

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const

/** A column header; sortable ones are buttons and say their order with `aria-sort`. */
export function SortableHeader<TEvent extends AuditEvent>({
  header,
  note,
}: {
  header: Header<AuditTableFeatures, TEvent>
  note?: string | undefined
}) {
  const { column } = header
  const text = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id
  // A note after the label: the zone of a time column.
  const label = note ? (
    <>
      {text} <span className="ral-header-note">{note}</span>
    </>
  ) : (
    text
  )
  if (!column.getCanSort()) {
    return (
      <th scope="col" className="ral-header">
        {label}
      </th>
    )
  }
  const sorted = column.getIsSorted()
  return (
    <th scope="col" className="ral-header" aria-sort={sorted ? ARIA_SORT[sorted] : 'none'}>
      <button type="button" className="ral-sort-button" onClick={column.getToggleSortingHandler()}>
        {label}
        <span className="ral-sort-icon" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  )
}
