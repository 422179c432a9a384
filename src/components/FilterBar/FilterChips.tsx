import type { ComponentPropsWithRef } from 'react'

import { revealHidden } from '../../core/format'
import { fieldForQueryKey } from '../../core/queryable'
import { useViewerConfig, useViewerSearch } from '../AuditLogsProvider/context'
import { clearFilters, removeFilter } from './filters'

/** Any prop of the list element (`className` is added to the part's own); the chips are the part's. */
export type FilterChipsProps = Omit<ComponentPropsWithRef<'ul'>, 'children'>

/**
 * The applied field filters as removable chips, "is" as "Result: failed" and "is not" in words ("Result is
 * not success"), with "Clear all filters"; nothing when there are none.
 */
export function FilterChips({ className, ...props }: FilterChipsProps) {
  const { adapter, fields, messages } = useViewerConfig('FilterChips')
  const { search, setSearch } = useViewerSearch('FilterChips')
  const chips = (['filters', 'exclude'] as const).flatMap((list) =>
    Object.entries(search[list] ?? {}).flatMap(([key, values]) => {
      const label = fieldForQueryKey(fields, key, adapter, 'filter')?.label ?? key
      // "Is not" in words: "Result is not success".
      return values.map((value) => ({ key, value, list, label: list === 'exclude' ? `${label} ${messages.filterIsNot}` : `${label}:` }))
    }),
  )
  if (chips.length === 0) return null
  return (
    <ul aria-label={messages.filtersLabel} {...props} className={['ral-chips', className].filter(Boolean).join(' ')}>
      {chips.map((chip) => (
        <li key={`${chip.list}\u0000${chip.key}\u0000${chip.value}`} className="ral-chip">
          <span>
            {/* Isolated: an address or an id (no strong direction) reads left to right in RTL too. */}
            {chip.label} <bdi>{revealHidden(chip.value)}</bdi>
          </span>
          <button
            type="button"
            className="ral-chip-remove"
            aria-label={messages.removeFilter(chip.label.replace(/:$/, ''), chip.value)}
            onClick={() => setSearch((previous) => removeFilter(previous, chip.key, chip.value, chip.list))}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="ral-button ral-button--small ral-button--quiet" onClick={() => setSearch(clearFilters)}>
          {messages.clearFilters}
        </button>
      </li>
    </ul>
  )
}
