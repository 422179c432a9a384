import { FilterChips } from './FilterChips'
import { FilterForm } from './FilterForm'

export interface FilterBarProps {
  className?: string
}

/**
 * Field filters in one line: the form to add one (a filterable field and a value, suggested from the loaded
 * events) and the applied filters as removable chips with "Clear all". The viewer's command bar offers the
 * same form behind its "Filter" button (`FilterButton`).
 */
export function FilterBar({ className }: FilterBarProps) {
  return (
    <div className={['ral-filters', className].filter(Boolean).join(' ')}>
      <FilterForm />
      <FilterChips />
    </div>
  )
}
