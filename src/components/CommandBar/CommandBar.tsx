import type { ComponentPropsWithRef } from 'react'

import { DateRangeButton } from '../DateRangeSearch/DateRangeButton'
import { FilterButton } from '../FilterBar/FilterButton'
import { FilterChips } from '../FilterBar/FilterChips'
import { TextSearch } from '../TextSearch/TextSearch'

/** Any prop of the bar's `div` (`className` is added to the part's own); `children` go at the bar's end. */
export interface CommandBarProps extends ComponentPropsWithRef<'div'> {
  /** Drawn at the bar's end: the download, the data-structure button, or the host's own parts. */
  children?: ComponentPropsWithRef<'div'>['children']
}

/**
 * The viewer's one line of controls: free-text search, "+ Filter", the date range as a button that says it,
 * the applied filters as chips, then `children` at the end. Each change applies when it is complete: text
 * after a pause or Enter, a filter when added, a preset when picked, typed dates on Apply.
 */
export function CommandBar({ className, children, ...props }: CommandBarProps) {
  return (
    <div {...props} className={['ral-bar', className].filter(Boolean).join(' ')}>
      <search className="ral-bar-search">
        <TextSearch />
        <FilterButton />
        <DateRangeButton />
      </search>
      <FilterChips />
      {children ? <div className="ral-bar-end">{children}</div> : null}
    </div>
  )
}
