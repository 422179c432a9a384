import { type ComponentPropsWithRef, type KeyboardEvent, type SubmitEvent, useEffect, useId, useMemo, useRef, useState } from 'react'

import { countValues } from '../../adapter/memoryQuery'
import { formatNumber, revealHidden, severityLevel } from '../../core/format'
import { filterKeyOf, filterValueOf, offersFilter } from '../../core/queryable'
import type { FieldValueCount } from '../../core/types'
import { useFieldValues } from '../../hooks/useFieldValues'
import { useViewerConfig, useViewerResults, useViewerSearch } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { Badge } from '../Badge/Badge'
import { SelectField } from '../SelectField/SelectField'
import { addFilter, readsLtr, searchForValues } from './addFilter'
import type { FilterList } from './filters'
import { moveAmongValues } from './moveAmongValues'

/** Any prop of the form element (`className` is added to the part's own); its fields and submit are the part's. */
export interface FilterFormProps extends Omit<ComponentPropsWithRef<'form'>, 'children' | 'onSubmit'> {
  /** Called after a filter was added (the filter button's panel closes). */
  onAdded?: () => void
}

/** Values asked of the adapter, and listed: enough to pick from, few enough to read. */
const VALUE_LIMIT = 50
/** Loaded events looked at when the adapter cannot count: cheap when 100,000 are loaded. */
const SUGGESTION_SCAN = 2_000

/**
 * A small form to add a filter: a filterable field, "is" or "is not" (when the adapter applies exclusions),
 * and a value, picked from the field's values with their counts in the current search (the adapter's
 * `listFieldValues`; without it, or when it fails, the loaded events' values) or typed. Only fields the
 * adapter can filter by are offered; a filter names the key the adapter is asked (a field's `filterKey`).
 * Several values of one field are alternatives.
 */
export function FilterForm({ className, onAdded, ...props }: FilterFormProps) {
  const { adapter, fields, format, messages: provided, tenantId, reportError } = useViewerConfig('FilterForm')
  const { search, setSearch } = useViewerSearch('FilterForm')
  const result = useViewerResults('FilterForm')
  const messages = useAllMessages(provided)
  const filterable = useMemo(() => fields.filter((field) => offersFilter(field, adapter)), [fields, adapter])
  const filterKeys = useMemo(() => filterable.map((field) => field.key), [filterable])
  const [fieldKey, setFieldKey] = useState(filterable[0]?.key ?? '')
  const [list, setList] = useState<FilterList>('filters')
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState(false)
  // The value's input and the list of values, for moving between them with the arrow keys.
  const input = useRef<HTMLInputElement>(null)
  const valueList = useRef<HTMLUListElement>(null)
  const onValueKeys = (event: KeyboardEvent<HTMLElement>): void => moveAmongValues(event, valueList.current, input.current)
  const id = useId()
  const labelOf = (key: string): string => fields.find((field) => field.key === key)?.label ?? key

  const field = filterable.find((candidate) => candidate.key === fieldKey) ?? filterable[0]
  const queryKey = field ? (filterKeyOf(field, adapter) ?? field.key) : ''
  const operator: FilterList = adapter.supportsExclude === true ? list : 'filters'
  const valuesSearch = useMemo(() => searchForValues(search, queryKey), [search, queryKey])
  const counted = useFieldValues({ adapter, tenantId, key: queryKey, search: valuesSearch, limit: VALUE_LIMIT })
  const fromLoaded = !counted.counts || counted.failed
  // The person reads that the values are the loaded events'; the host hears why (`onError`, the console).
  useEffect(() => {
    if (counted.error instanceof Error) reportError(counted.error, 'field-values')
  }, [counted.error, reportError])
  const { events } = result
  const loaded = useMemo(() => {
    if (!field || !fromLoaded) return null
    // The loaded events' values, counted the way an adapter counts (ignoring case), over the field's accessor.
    return countValues(events.slice(0, SUGGESTION_SCAN), queryKey, VALUE_LIMIT, (event) => filterValueOf(field, event))
  }, [field, fromLoaded, queryKey, events])
  const answer = fromLoaded ? loaded : (counted.values ?? null)
  const typed = value.trim().toLowerCase()
  const matching: FieldValueCount[] = (answer?.values ?? []).filter((entry) => entry.value.toLowerCase().includes(typed))
  // A severity's values read in its own order, the worst first, as its badges grade them; other values by count.
  const shown = field?.type === 'severity' ? [...matching].sort((a, b) => severityLevel(b.value, field) - severityLevel(a.value, field)) : matching
  const number = (count: number): string => formatNumber(count, format.locale)
  const ltr = readsLtr(field)
  // A severity's or status's values read as their badges do, in the messages' words.
  const graded = field?.type === 'severity' || field?.type === 'status'
  const wordOf = (stored: string): string => (graded ? (messages.valueWords?.[stored.toLowerCase()] ?? stored) : stored)

  const add = (text: string): void => {
    if (!field || !text) {
      setProblem(true)
      return
    }
    setProblem(false)
    setSearch((previous) => addFilter(previous, queryKey, text, operator))
    setValue('')
    onAdded?.()
  }
  const onAdd = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault()
    add(value.trim())
  }

  if (filterable.length === 0) return null
  return (
    <form
      {...props}
      className={['ral-filter-form', className].filter(Boolean).join(' ')}
      aria-label={props['aria-label'] ?? messages.addFilter}
      onSubmit={onAdd}
      noValidate
    >
      <SelectField label={messages.filterField} value={field?.key ?? ''} choices={filterKeys} textOf={labelOf} onChange={setFieldKey} />
      {adapter.supportsExclude === true ? (
        <fieldset className="ral-segmented">
          <legend className="ral-visually-hidden">{messages.filterOperator}</legend>
          {(['filters', 'exclude'] as const).map((choice) => (
            <label key={choice} className="ral-segment">
              <input type="radio" name={`${id}-operator`} checked={list === choice} onChange={() => setList(choice)} />
              <span>{choice === 'filters' ? messages.filterIs : messages.filterIsNot}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <label className="ral-field">
        <span>{messages.filterValue}</span>
        <input
          className={ltr ? 'ral-input ral-ltr' : 'ral-input'}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-invalid={problem || undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          autoComplete="off"
          ref={input}
          onKeyDown={onValueKeys}
        />
      </label>
      <section className="ral-values" aria-labelledby={`${id}-values-heading`}>
        <h3 id={`${id}-values-heading`} className="ral-values-heading">
          {fromLoaded ? messages.loadedValuesHeading : messages.fieldValuesHeading}
        </h3>
        {counted.failed ? (
          <p className="ral-values-note" role="status">
            {messages.fieldValuesFailed}
          </p>
        ) : null}
        {!fromLoaded && counted.pending ? (
          <p className="ral-values-note" role="status">
            {messages.fieldValuesLoading}
          </p>
        ) : shown.length === 0 ? (
          <p className="ral-values-note">{messages.noFieldValues}</p>
        ) : (
          <ul id={`${id}-values`} className="ral-value-list" ref={valueList} onKeyDown={onValueKeys}>
            {shown.map((entry) => (
              <li key={entry.value.toLowerCase()}>
                <button
                  type="button"
                  className="ral-value-option"
                  aria-label={messages.fieldValueOption(wordOf(entry.value), entry.count, number(entry.count))}
                  title={entry.value}
                  onClick={() => add(entry.value)}
                >
                  {graded ? (
                    <Badge field={field} value={entry.value} text={revealHidden(entry.value)} />
                  ) : (
                    <span className={ltr ? 'ral-value-text ral-ltr' : 'ral-value-text'}>{revealHidden(entry.value)}</span>
                  )}{' '}
                  {/* Words apart from the value's, so the visible text is part of the name ("success 24" in "success, 24 events"). */}
                  <span className="ral-value-count" aria-hidden="true">
                    {number(entry.count)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {answer && answer.complete === false ? <p className="ral-values-note">{messages.fieldValuesPartial}</p> : null}
      </section>
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
