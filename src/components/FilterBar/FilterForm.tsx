import { type SubmitEvent, useId, useMemo, useState } from 'react'

import { filterKeyOf, filterValueOf, offersFilter } from '../../core/queryable'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { SelectField } from '../SelectField/SelectField'
import { addFilter } from './filters'

export interface FilterFormProps {
  className?: string
  /** Called after a filter was added (the filter button's panel closes). */
  onAdded?: () => void
}

const MAX_SUGGESTIONS = 50
/** Events looked at for suggestions: enough for a datalist, and cheap when 100,000 are loaded. */
const SUGGESTION_SCAN = 2_000

/**
 * A small form to add a filter: a filterable field and a value (suggested from the loaded events). Only
 * fields the adapter can filter by are offered; a filter names the key the adapter is asked (a field's
 * `filterKey`). Several values of one field are alternatives.
 */
export function FilterForm({ className, onAdded }: FilterFormProps) {
  const { adapter, fields, messages: provided, setSearch, result } = useAuditLogsContext('FilterForm')
  const messages = useAllMessages(provided)
  const filterable = useMemo(() => fields.filter((field) => offersFilter(field, adapter)), [fields, adapter])
  const filterKeys = useMemo(() => filterable.map((field) => field.key), [filterable])
  const [fieldKey, setFieldKey] = useState(filterable[0]?.key ?? '')
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState(false)
  const id = useId()
  const labelOf = (key: string): string => fields.find((field) => field.key === key)?.label ?? key

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
    onAdded?.()
  }

  if (filterable.length === 0) return null
  return (
    <form className={['ral-filter-form', className].filter(Boolean).join(' ')} aria-label={messages.addFilter} onSubmit={onAdd} noValidate>
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
      <button type="submit" className="ral-button ral-button--primary">
        {messages.addFilter}
      </button>
      {problem ? (
        <p id={`${id}-problem`} className="ral-form-problem" role="alert">
          {messages.filterNeedsValue}
        </p>
      ) : null}
    </form>
  )
}
