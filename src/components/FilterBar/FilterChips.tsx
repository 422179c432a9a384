import { revealHidden } from '../../core/format'
import { fieldForQueryKey } from '../../core/queryable'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { clearFilters, removeFilter } from './filters'

export interface FilterChipsProps {
  className?: string
}

/** The applied field filters as removable chips, with "Clear all filters"; nothing when there are none. */
export function FilterChips({ className }: FilterChipsProps) {
  const { adapter, fields, messages, search, setSearch } = useAuditLogsContext('FilterChips')
  const chipLabel = (key: string): string => fieldForQueryKey(fields, key, adapter, 'filter')?.label ?? key
  const chips = Object.entries(search.filters ?? {}).flatMap(([key, values]) => values.map((accepted) => ({ key, value: accepted })))
  if (chips.length === 0) return null
  return (
    <ul className={['ral-chips', className].filter(Boolean).join(' ')} aria-label={messages.filtersLabel}>
      {chips.map((chip) => (
        <li key={`${chip.key}\u0000${chip.value}`} className="ral-chip">
          <span>
            {chipLabel(chip.key)}: {revealHidden(chip.value)}
          </span>
          <button
            type="button"
            className="ral-chip-remove"
            aria-label={messages.removeFilter(chipLabel(chip.key), chip.value)}
            onClick={() => setSearch((previous) => removeFilter(previous, chip.key, chip.value))}
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
