/**
 * A row still to come: a bar per cell, the width of its column's kind; on a card, the bars sit where the card's
 * who, what, when and severity will (`roles`).
 */
export function SkeletonRow({ kinds, roles, index }: { kinds: readonly string[]; roles: readonly (string | undefined)[]; index?: number }) {
  return (
    <tr className="ral-skeleton" aria-hidden="true" aria-rowindex={index === undefined ? undefined : index + 2}>
      {kinds.map((kind, column) => (
        <td key={column} className="ral-cell" data-card={roles[column]}>
          <span className={`ral-skeleton-bar ral-skeleton-bar--${kind}`} />
        </td>
      ))}
    </tr>
  )
}
