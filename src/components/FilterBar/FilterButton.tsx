import { lazy, Suspense, useMemo } from 'react'

import { offersFilter } from '../../core/queryable'
import { useViewerConfig } from '../AuditLogsProvider/context'
import { Popover, type PopoverButtonProps } from '../Popover/Popover'

// The form loads when the button is first pointed at or focused.
const loadForm = () => import('./FilterForm')
const FilterForm = lazy(async () => ({ default: (await loadForm()).FilterForm }))

/** Any prop of the button element (`className` is added to the part's own, handlers run before its own). */
export type FilterButtonProps = PopoverButtonProps

/** "+ Filter": opens the form to add a field filter in a panel; nothing when no field can be filtered by. */
export function FilterButton(props: FilterButtonProps) {
  const { adapter, fields, messages } = useViewerConfig('FilterButton')
  const offered = useMemo(() => fields.some((field) => offersFilter(field, adapter)), [fields, adapter])
  if (!offered) return null
  return (
    <Popover
      {...props}
      title={messages.filterMenu}
      onPreload={() => void loadForm()}
      label={
        <>
          <span aria-hidden="true">+ </span>
          {messages.filterMenu}
        </>
      }
    >
      {(close) => (
        <Suspense fallback={<p className="ral-state">{messages.loading}</p>}>
          <FilterForm onAdded={close} />
        </Suspense>
      )}
    </Popover>
  )
}
