import type { ComponentPropsWithRef } from 'react'

import { FilterChips } from './FilterChips'
import { FilterForm } from './FilterForm'

/** Any prop of the part's root `div` (`className` is added to its own); its form and chips are the part's. */
export type FilterBarProps = Omit<ComponentPropsWithRef<'div'>, 'children'>

/**
 * Field filters in one line: the form to add one (a filterable field and a value, suggested from the loaded
 * events) and the applied filters as removable chips with "Clear all". The viewer's command bar offers the
 * same form behind its "Filter" button (`FilterButton`).
 */
export function FilterBar({ className, ...props }: FilterBarProps) {
  return (
    <div {...props} className={['ral-filters', className].filter(Boolean).join(' ')}>
      <FilterForm />
      <FilterChips />
    </div>
  )
}
