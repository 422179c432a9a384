import { type ReactNode, useId, useMemo, useState } from 'react'

import { fieldValue } from '../../core/fields'
import { type FormatOptions, isMissing, revealHidden, toPrettyJson } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import { listUncovered } from '../../core/otherProperties'
import { getAt } from '../../core/path'
import { filterKeyOf, filterValueOf, type QueryCapabilities } from '../../core/queryable'
import type { AuditEvent, AuditField } from '../../core/types'
import { CopyButton } from '../CopyButton/CopyButton'
import { ExpandableText, TEXT_PREVIEW } from '../ExpandableText/ExpandableText'
import { FieldValue } from '../FieldValue/FieldValue'
import { JsonTree } from '../JsonTree/JsonTree'

interface EventFieldsProps<TEvent extends AuditEvent> {
  event: TEvent
  fields: readonly AuditField<TEvent>[]
  format: FormatOptions
  messages: AuditLogsMessages
  /** Adds a field's value as a filter: the key the adapter filters by, and the value (offered for filterable fields). */
  onFilter?: (key: string, value: string) => void
  /** What the adapter can filter by. Defaults to any dot path. */
  capabilities?: QueryCapabilities
}

/** The longest text a field's own `format` may show in the drawer (the rest is cut with "…"). */
const FORMATTED_LIMIT = 20_000
/** Other properties drawn at first, and added per "Show more". */
const OTHERS_STEP = 100

const filterText = (value: unknown): string | null =>
  (typeof value === 'string' && value.length <= MAX_FILTER_TEXT) || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null

interface DetailValueProps {
  value: unknown
  label: string
  messages: AuditLogsMessages
  locale: string | undefined
  /** How a plain value is shown. */
  children: ReactNode
}

/**
 * A missing value says so; a long text opens as its beginning with "Show more"; an object or array becomes a
 * JSON tree with a Copy JSON button (whose text is made on the click).
 */
function DetailValue({ value, label, messages, locale, children }: DetailValueProps) {
  if (isMissing(value)) return <span className="ral-muted">{messages.emptyValue}</span>
  if (typeof value === 'string' && value.length > TEXT_PREVIEW) return <ExpandableText text={value} messages={messages} locale={locale} />
  if (typeof value !== 'object') return children
  return (
    <div className="ral-json-block">
      <CopyButton text={() => toPrettyJson(value)} label={label} messages={messages}>
        {messages.copyJson}
      </CopyButton>
      <JsonTree value={value} label={label} messages={messages} />
    </div>
  )
}

/** A plain value as text, its hidden characters shown; a component, so a long text DetailValue cuts is never scanned. */
function PlainText({ value }: { value: unknown }) {
  return <span className="ral-detail-text">{revealHidden(String(value))}</span>
}

/** Values longer than this offer no Filter button: no one filters by a megabyte, and its label would hold it all. */
const MAX_FILTER_TEXT = 500

/**
 * Every configured field (hidden ones too), then every property of the event no field covers, so
 * nothing in an event is ever invisible.
 */
export function EventFields<TEvent extends AuditEvent>({ event, fields, format, messages, onFilter, capabilities = {} }: EventFieldsProps<TEvent>) {
  // An event with 100,000 properties opens with the first hundred; "Show more" draws the next.
  const [shownOthers, setShownOthers] = useState(OTHERS_STEP)
  const others = useMemo(() => listUncovered(event, fields, shownOthers), [event, fields, shownOthers])
  const id = useId()
  return (
    <>
      <section className="ral-drawer-section" aria-labelledby={`${id}-fields`}>
        <h3 id={`${id}-fields`}>{messages.fieldsHeading}</h3>
        <dl className="ral-detail-list">
          {fields.map((field) => {
            const value = fieldValue(field, event)
            // The filter names what the adapter filters by: a derived field's `filterKey`, read from the event.
            const filterKey = field.filterable && onFilter ? filterKeyOf(field, capabilities) : null
            const filterValue = filterKey === null ? null : filterText(filterValueOf(field, event))
            return (
              <div key={field.key} className="ral-detail-item" data-field={field.key}>
                <dt>{field.label}</dt>
                <dd>
                  {field.format ? (
                    <FieldValue field={field} event={event} format={format} maxLength={FORMATTED_LIMIT} />
                  ) : (
                    <DetailValue value={value} label={field.label} messages={messages} locale={format.locale}>
                      <FieldValue field={field} event={event} format={format} maxLength={Infinity} />
                    </DetailValue>
                  )}
                  {filterValue !== null && filterValue !== '' ? (
                    <button
                      type="button"
                      className="ral-button ral-button--small"
                      aria-label={messages.filterByValue(field.label, filterValue)}
                      onClick={() => onFilter?.(filterKey ?? field.key, filterValue)}
                    >
                      {messages.filterButton}
                    </button>
                  ) : null}
                </dd>
              </div>
            )
          })}
        </dl>
      </section>
      {others.total > 0 ? (
        <section className="ral-drawer-section" aria-labelledby={`${id}-other`}>
          <h3 id={`${id}-other`}>{messages.otherPropertiesHeading}</h3>
          <dl className="ral-detail-list">
            {others.paths.map(({ segments, label }) => {
              const value = getAt(event, segments)
              return (
                <div key={label} className="ral-detail-item" data-field={label}>
                  <dt>{revealHidden(label)}</dt>
                  <dd>
                    <DetailValue value={value} label={label} messages={messages} locale={format.locale}>
                      <PlainText value={value} />
                    </DetailValue>
                  </dd>
                </div>
              )
            })}
          </dl>
          {others.total > others.paths.length ? (
            <button type="button" className="ral-button ral-button--small" onClick={() => setShownOthers(shownOthers + OTHERS_STEP)}>
              {messages.jsonShowMore(others.total - others.paths.length)}
            </button>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
