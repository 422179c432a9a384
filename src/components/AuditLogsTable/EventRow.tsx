import type { Cell, Row } from '@tanstack/react-table'
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react'

import type { FormatOptions } from '../../core/format'
import type { ProvidedMessages } from '../../core/messages'
import type { AuditEvent, AuditField } from '../../core/types'
import { unreadableProblem } from '../../core/unreadable'
import type { AuditTableFeatures } from './columns'
import type { useRowExtras } from './useRowExtras'

/** What every row of one render shares: the columns' roles, the words, the cells' extras and the handlers. */
export interface RowContext<TEvent extends AuditEvent> {
  roles: readonly (string | undefined)[]
  /** The time zone's short name, said once in the time column's header and carried by the time cells for cards. */
  zone: string | undefined
  messages: ProvidedMessages
  format: FormatOptions
  extras: ReturnType<typeof useRowExtras>
  whenColumn: number
  whoColumn: number
  whenField: AuditField<TEvent> | undefined
  whoField: AuditField<TEvent> | undefined
  relative: boolean
  activeId: string | undefined
  openEventId: string | null
  renderCell: (cell: Cell<AuditTableFeatures, TEvent>) => ReactNode
  onRowClick: (event: MouseEvent<HTMLTableRowElement>, id: string) => void
  onRowFocus: (id: string) => void
  onRowKeyDown: (event: KeyboardEvent<HTMLTableRowElement>, id: string) => void
}

/** One event's row: its cells, the unreadable badge, the day label's mark, the relative time and the actor's mark. */
export function EventRow<TEvent extends AuditEvent>({
  row,
  index,
  dayStart,
  context,
}: {
  row: Row<AuditTableFeatures, TEvent>
  /** The row's place among the rows loaded. */
  index: number
  /** Whether the row starts a day (its time cell carries the day's label). */
  dayStart: boolean
  context: RowContext<TEvent>
}) {
  const { roles, zone, messages, format, extras, whenColumn, whoColumn, whenField, whoField, relative, activeId, openEventId } = context
  const problem = unreadableProblem(row.original)
  return (
    <tr
      aria-rowindex={index + 2}
      className={problem === undefined ? 'ral-row' : 'ral-row ral-row--unreadable'}
      data-event-id={row.id}
      data-day-start={dayStart ? '' : undefined}
      tabIndex={row.id === activeId ? 0 : -1}
      aria-current={row.id === openEventId ? 'true' : undefined}
      onClick={(event) => context.onRowClick(event, row.id)}
      onFocus={() => context.onRowFocus(row.id)}
      onKeyDown={(event) => context.onRowKeyDown(event, row.id)}
    >
      {row.getAllCells().map((cell, column) => {
        const value = context.renderCell(cell)
        return (
          <td key={cell.id} className="ral-cell" data-card={roles[column]} data-zone={roles[column] === 'when' ? zone : undefined}>
            {problem !== undefined && column === 0 ? (
              <span className="ral-badge ral-badge--warning" title={problem}>
                {messages.unreadableEvent}
              </span>
            ) : null}
            {extras && column === whenColumn ? (
              <extras.TimeCell event={row.original} field={whenField} format={format} relative={relative} dayStart={dayStart}>
                {value}
              </extras.TimeCell>
            ) : extras && column === whoColumn ? (
              <extras.ActorCell event={row.original} field={whoField} messages={messages}>
                {value}
              </extras.ActorCell>
            ) : (
              value
            )}
          </td>
        )
      })}
    </tr>
  )
}
