import type { ChangeRow } from '../../core/changes'
import { revealHidden } from '../../core/format'
import { jsonPreview } from '../../core/jsonPreview'
import type { AuditLogsMessages } from '../../core/messages'

/** Characters of a value drawn in the table: a diff is read at a glance; the tree below has the rest. */
const CELL_LIMIT = 200

function cellText(value: unknown): string {
  const text = typeof value === 'string' ? value : jsonPreview(value, CELL_LIMIT + 1)
  return revealHidden(text.length > CELL_LIMIT ? `${text.slice(0, CELL_LIMIT)}…` : text)
}

interface ChangesTableProps {
  rows: readonly ChangeRow[]
  /** Whose change it is, for the table's name: "Changes: Payload". */
  label: string
  messages: Pick<AuditLogsMessages, 'changesHeading' | 'changeField' | 'changeBefore' | 'changeAfter' | 'changeKinds'>
}

/**
 * Before and after side by side. A changed, added or removed row says so in words (and a mark), not by
 * colour alone; unchanged rows are quieter.
 */
export function ChangesTable({ rows, label, messages }: ChangesTableProps) {
  return (
    <table className="ral-changes" aria-label={`${messages.changesHeading}: ${label}`}>
      <thead>
        <tr>
          <th scope="col">{messages.changeField}</th>
          <th scope="col">{messages.changeBefore}</th>
          <th scope="col">{messages.changeAfter}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} className={`ral-change ral-change--${row.kind}`}>
            <th scope="row">
              <span className="ral-change-field">{revealHidden(row.field)}</span>
              {row.kind === 'unchanged' ? null : <span className="ral-change-kind">{messages.changeKinds[row.kind]}</span>}
            </th>
            <td className="ral-change-before">
              {row.before === undefined ? <span aria-hidden="true">—</span> : <span className="ral-change-value">{cellText(row.before)}</span>}
            </td>
            <td className="ral-change-after">
              {row.after === undefined ? <span aria-hidden="true">—</span> : <span className="ral-change-value">{cellText(row.after)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
