import { type ReactNode, useId, useMemo, useState } from 'react'

import { findChanges } from '../../core/changes'
import { drawerLayout } from '../../core/drawerLayout'
import { fieldValue } from '../../core/fields'
import { type FormatOptions, isMissing, revealHidden, toPrettyJson } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import { listUncovered } from '../../core/otherProperties'
import { pathOfSegments } from '../../core/marks'
import { getAt, parsePath } from '../../core/path'
import { isHiddenValue } from '../../core/sensitive'
import { filterKeyOf, filterValueOf, type QueryCapabilities } from '../../core/queryable'
import type { AuditEvent, AuditField } from '../../core/types'
import { CopyButton } from '../CopyButton/CopyButton'
import { ExpandableText, TEXT_PREVIEW } from '../ExpandableText/ExpandableText'
import { FieldValue } from '../FieldValue/FieldValue'
import { HiddenField } from '../HiddenValue/HiddenValue'
import { Icon } from '../Icon/Icon'
import { JsonTree } from '../JsonTree/JsonTree'
import { ChangesTable } from './ChangesTable'
import { serverRecordKeys } from './serverRecordKeys'

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
/** Values longer than this offer no Filter button: no one filters by a megabyte, and its label would hold it all. */
const MAX_FILTER_TEXT = 500

const filterText = (value: unknown): string | null =>
  (typeof value === 'string' && value.length <= MAX_FILTER_TEXT) || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null

/** A field's place in the event (its key's path; a key that is no path names one property). */
const pathOf = (field: AuditField<never>): readonly string[] => parsePath(field.key) ?? [field.key]

interface DetailValueProps {
  value: unknown
  label: string
  /** Where the value is in the event: a hidden value's reveal asks for this path. */
  path: readonly string[]
  messages: AuditLogsMessages
  locale: string | undefined
  /** How a plain value is shown. */
  children: ReactNode
}

/**
 * A missing value says so; a long text opens as its beginning with "Show more"; an object or array becomes a
 * JSON tree (with a before/after table when it records a change), its JSON made only when copied.
 */
function DetailValue({ value, label, path, messages, locale, children }: DetailValueProps) {
  if (isMissing(value)) return <span className="ral-muted">{messages.emptyValue}</span>
  if (isHiddenValue(value)) return <HiddenField kind={value.$hidden} path={pathOfSegments(path)} label={label} />
  if (typeof value === 'string' && value.length > TEXT_PREVIEW) return <ExpandableText text={value} messages={messages} locale={locale} />
  if (!isObject(value)) return children
  const changes = findChanges(value)
  // Under a before/after table the tree starts closed, so the change is not read twice; the whole JSON is a click away.
  return (
    <div className="ral-json-block">
      {changes ? <ChangesTable rows={changes} label={label} messages={messages} /> : null}
      {changes ? <p className="ral-muted ral-json-note">{messages.jsonRepeatsChanges}</p> : null}
      <JsonTree value={value} label={label} messages={messages} path={path} defaultOpen={changes === null} />
    </div>
  )
}

/** A plain value as text, its hidden characters shown; a component, so a long text DetailValue cuts is never scanned. */
function PlainText({ value }: { value: unknown }) {
  return <span className="ral-detail-text">{revealHidden(String(value))}</span>
}

interface RowProps {
  name: string
  label: string
  value: ReactNode
  /** The text the copy button writes, made on the click; absent for a missing value. */
  copyText: (() => string) | null
  filter: { label: string; apply: () => void } | null
  messages: AuditLogsMessages
}

/** One line of the drawer: label, value, and the copy and filter buttons in a column of their own. */
function Row({ name, label, value, copyText, filter, messages }: RowProps) {
  return (
    <div className="ral-detail-item" data-field={name}>
      <dt>{label}</dt>
      <dd>
        <div className="ral-detail-value">{value}</div>
        <div className="ral-detail-actions">
          {copyText ? <CopyButton text={copyText} label={messages.copyValue(label)} messages={messages} /> : null}
          {filter ? (
            <button type="button" className="ral-icon-button ral-filter-button" aria-label={filter.label} title={filter.label} onClick={filter.apply}>
              <Icon name="filter" />
            </button>
          ) : null}
        </div>
      </dd>
    </div>
  )
}

/**
 * The event's fields in the drawer's sections: what happened, its context, the payload; fields without a
 * value behind one toggle; then every property no field covers, so nothing in an event is ever invisible.
 */
export function EventFields<TEvent extends AuditEvent>({ event, fields, format, messages, onFilter, capabilities = {} }: EventFieldsProps<TEvent>) {
  // An event with 100,000 properties opens with the first hundred; "Show more" draws the next.
  const [shownOthers, setShownOthers] = useState(OTHERS_STEP)
  const [showEmpty, setShowEmpty] = useState(false)
  const layout = useMemo(() => drawerLayout(fields), [fields])
  // The id is in the header; every other property no field covers is listed.
  // What the server section shows (a readable `receivedAt`, marks) is not listed again.
  const others = useMemo(
    () => listUncovered(event, [...fields, { key: 'id' }, ...serverRecordKeys(event)], shownOthers),
    [event, fields, shownOthers],
  )
  const id = useId()

  const missing = (field: AuditField<TEvent>): boolean => !field.format && isMissing(fieldValue(field, event))
  const empty = [...layout.happened, ...layout.context, ...layout.payload].filter(missing).length

  const payloads = layout.payload.filter((field) => showEmpty || !missing(field))

  const row = (field: AuditField<TEvent>) => {
    const value = fieldValue(field, event)
    const present = !isMissing(value)
    if (!present && !field.format && !showEmpty) return null
    // The filter names what the adapter filters by: a derived field's `filterKey`, read from the event.
    const filterKey = field.filterable && onFilter ? filterKeyOf(field, capabilities) : null
    const filterValue = filterKey === null ? null : filterText(filterValueOf(field, event))
    return (
      <Row
        key={field.key}
        name={field.key}
        label={field.label}
        messages={messages}
        value={
          field.format ? (
            <FieldValue field={field} event={event} format={format} maxLength={FORMATTED_LIMIT} />
          ) : (
            <DetailValue value={value} label={field.label} path={pathOf(field)} messages={messages} locale={format.locale}>
              <FieldValue field={field} event={event} format={format} maxLength={Infinity} />
            </DetailValue>
          )
        }
        // The value as stored (an id, an address, an email), not as formatted for reading; an object as JSON.
        // A hidden value has nothing to copy: its placeholder is not the value.
        copyText={present && !isHiddenValue(value) ? () => (isObject(value) ? toPrettyJson(value) : String(value)) : null}
        filter={
          filterValue === null || filterValue === ''
            ? null
            : { label: messages.filterByValue(field.label, filterValue), apply: () => onFilter?.(filterKey ?? field.key, filterValue) }
        }
      />
    )
  }

  const section = (key: string, heading: string, list: readonly AuditField<TEvent>[]) => {
    const rows = list.map(row).filter(Boolean)
    return rows.length === 0 ? null : (
      <section className="ral-drawer-section" aria-labelledby={`${id}-${key}`}>
        <h3 id={`${id}-${key}`}>{heading}</h3>
        <dl className="ral-detail-list">{rows}</dl>
      </section>
    )
  }

  return (
    <>
      {section('fields', messages.fieldsHeading, layout.happened)}
      {section('context', messages.contextHeading, layout.context)}
      {empty > 0 ? (
        <button type="button" className="ral-text-button ral-empty-toggle" aria-expanded={showEmpty} onClick={() => setShowEmpty(!showEmpty)}>
          {showEmpty ? messages.hideEmptyFields : messages.showEmptyFields(empty)}
        </button>
      ) : null}
      {payloads.length > 0 ? (
        <section className="ral-drawer-section" aria-labelledby={`${id}-payload`}>
          <h3 id={`${id}-payload`}>{payloads.length === 1 && payloads[0] ? payloads[0].label : messages.payloadHeading}</h3>
          {payloads.map((field) => {
            const value = fieldValue(field, event)
            return (
              <div key={field.key} className={payloads.length > 1 ? 'ral-payload ral-payload--labelled' : 'ral-payload'} data-field={field.key}>
                {payloads.length > 1 ? <span className="ral-payload-label">{field.label}</span> : null}
                {isMissing(value) ? null : (
                  <CopyButton
                    text={() => (isObject(value) ? toPrettyJson(value) : String(value))}
                    label={`${messages.copyJson}: ${field.label}`}
                    messages={messages}
                  >
                    {messages.copyJson}
                  </CopyButton>
                )}
                <DetailValue value={value} label={field.label} path={pathOf(field)} messages={messages} locale={format.locale}>
                  <FieldValue field={field} event={event} format={format} maxLength={FORMATTED_LIMIT} />
                </DetailValue>
              </div>
            )
          })}
        </section>
      ) : null}
      {others.total > 0 ? (
        <section className="ral-drawer-section" aria-labelledby={`${id}-other`}>
          <h3 id={`${id}-other`}>{messages.otherPropertiesHeading}</h3>
          <dl className="ral-detail-list">
            {others.paths.map(({ segments, label }) => {
              const value = getAt(event, segments)
              return (
                <Row
                  key={label}
                  name={label}
                  label={revealHidden(label)}
                  messages={messages}
                  value={
                    <DetailValue value={value} label={label} path={segments} messages={messages} locale={format.locale}>
                      <PlainText value={value} />
                    </DetailValue>
                  }
                  copyText={isMissing(value) || isHiddenValue(value) ? null : () => (isObject(value) ? toPrettyJson(value) : String(value))}
                  filter={null}
                />
              )
            })}
          </dl>
          {others.total > others.paths.length ? (
            <button type="button" className="ral-text-button" onClick={() => setShownOthers(shownOthers + OTHERS_STEP)}>
              {messages.jsonShowMore(others.total - others.paths.length)}
            </button>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
