import { type SubmitEvent, useId, useMemo, useState } from 'react'

import { revealHidden } from '../../core/format'
import { fieldForQueryKey, filterKeyOf, filterValueOf, offersFilter } from '../../core/queryable'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { SelectField } from '../SelectField/SelectField'
import { addFilter, clearFilters, removeFilter } from './filters'

export interface FilterBarProps {
  className?: string
}

const MAX_SUGGESTIONS = 50
/** Events looked at for suggestions: enough for a datalist, and cheap when 100,000 are loaded. */
const SUGGESTION_SCAN = 2_000

/**
 * Field filters as removable chips with "Clear all", and a small form to add one: a filterable field and
 * a value (suggested from the loaded events). Several values of one field are alternatives. Only fields the
 * adapter can filter by are offered; a filter names the key the adapter is asked (a field's `filterKey`).
 */
export function FilterBar({ className }: FilterBarProps) {
  const { adapter, fields, messages, search, setSearch, result } = useAuditLogsContext('FilterBar')
  const filterable = useMemo(() => fields.filter((field) => offersFilter(field, adapter)), [fields, adapter])
  const filterKeys = useMemo(() => filterable.map((field) => field.key), [filterable])
  const [fieldKey, setFieldKey] = useState(filterable[0]?.key ?? '')
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState(false)
  const id = useId()
  const labelOf = (key: string): string => fields.find((field) => field.key === key)?.label ?? key
  const chipLabel = (key: string): string => fieldForQueryKey(fields, key, adapter, 'filter')?.label ?? key

  const field = filterable.find((candidate) => candidate.key === fieldKey) ?? filterable[0]
  const suggestions = useMemo(() => {
    if (!field) return []
    const seen = new Set<string>()
    for (const event of result.events.slice(0, SUGGESTION_SCAN)) {
      const raw = filterValueOf(field, event)
      if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') seen.add(String(raw))
      if (seen.size >= MAX_SUGGESTIONS) break
    }
    return [...seen].sort()
  }, [field, result.events])

  const chips = Object.entries(search.filters ?? {}).flatMap(([key, values]) => values.map((accepted) => ({ key, value: accepted })))

  const onAdd = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const trimmed = value.trim()
    if (!field || !trimmed) {
      setProblem(true)
      return
    }
    setProblem(false)
    setSearch((previous) => addFilter(previous, filterKeyOf(field, adapter) ?? field.key, trimmed))
    setValue('')
  }

  if (filterable.length === 0 && chips.length === 0) return null
  return (
    <div className={['ral-filters', className].filter(Boolean).join(' ')}>
      {filterable.length > 0 ? (
        <form className="ral-filter-form" aria-label={messages.addFilter} onSubmit={onAdd} noValidate>
          <SelectField label={messages.filterField} value={field?.key ?? ''} choices={filterKeys} textOf={labelOf} onChange={setFieldKey} />
          <label className="ral-field">
            <span>{messages.filterValue}</span>
            <input
              className="ral-input"
              list={`${id}-values`}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              aria-invalid={problem || undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
            />
          </label>
          <datalist id={`${id}-values`}>
            {suggestions.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
          <button type="submit" className="ral-button">
            {messages.addFilter}
          </button>
          {problem ? (
            <p id={`${id}-problem`} className="ral-form-problem" role="alert">
              {messages.filterNeedsValue}
            </p>
          ) : null}
        </form>
      ) : null}
      {chips.length > 0 ? (
        <ul className="ral-chips" aria-label={messages.filtersLabel}>
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
            <button type="button" className="ral-button ral-button--small" onClick={() => setSearch(clearFilters)}>
              {messages.clearFilters}
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  )
}
