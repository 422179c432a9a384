import { type ReactNode, useId } from 'react'

import { fieldValue } from '../../core/fields'
import { type FormatOptions, isMissing, revealHidden, toPrettyJson } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import { uncoveredPaths } from '../../core/otherProperties'
import { getAt } from '../../core/path'
import type { AuditEvent, AuditField } from '../../core/types'
import { CopyButton } from '../CopyButton/CopyButton'
import { FieldValue } from '../FieldValue/FieldValue'
import { JsonTree } from '../JsonTree/JsonTree'

interface EventFieldsProps<TEvent extends AuditEvent> {
  event: TEvent
  fields: readonly AuditField<TEvent>[]
  format: FormatOptions
  messages: AuditLogsMessages
  /** Adds a field's value as a filter (offered for filterable fields). */
  onFilter?: (key: string, value: string) => void
}

const filterText = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null

interface DetailValueProps {
  value: unknown
  label: string
  messages: AuditLogsMessages
  /** How a plain value is shown. */
  children: ReactNode
}

/** A missing value says so; an object or array becomes a JSON tree with a Copy JSON button. */
function DetailValue({ value, label, messages, children }: DetailValueProps) {
  if (isMissing(value)) return <span className="ral-muted">{messages.emptyValue}</span>
  if (typeof value !== 'object') return children
  return (
    <div className="ral-json-block">
      <CopyButton text={toPrettyJson(value)} label={label} messages={messages}>
        {messages.copyJson}
      </CopyButton>
      <JsonTree value={value} label={label} messages={messages} />
    </div>
  )
}

/**
 * Every configured field (hidden ones too), then every property of the event no field covers, so
 * nothing in an event is ever invisible.
 */
export function EventFields<TEvent extends AuditEvent>({ event, fields, format, messages, onFilter }: EventFieldsProps<TEvent>) {
  const others = uncoveredPaths(event, fields)
  const id = useId()
  return (
    <>
      <section className="ral-drawer-section" aria-labelledby={`${id}-fields`}>
        <h3 id={`${id}-fields`}>{messages.fieldsHeading}</h3>
        <dl className="ral-detail-list">
          {fields.map((field) => {
            const value = fieldValue(field, event)
            const filterValue = field.filterable && onFilter ? filterText(value) : null
            return (
              <div key={field.key} className="ral-detail-item" data-field={field.key}>
                <dt>{field.label}</dt>
                <dd>
                  {field.format ? (
                    <FieldValue field={field} event={event} format={format} maxLength={Infinity} />
                  ) : (
                    <DetailValue value={value} label={field.label} messages={messages}>
                      <FieldValue field={field} event={event} format={format} maxLength={Infinity} />
                    </DetailValue>
                  )}
                  {filterValue !== null && filterValue !== '' ? (
                    <button
                      type="button"
                      className="ral-button ral-button--small"
                      aria-label={messages.filterByValue(field.label, filterValue)}
                      onClick={() => onFilter?.(field.key, filterValue)}
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
      {others.length > 0 ? (
        <section className="ral-drawer-section" aria-labelledby={`${id}-other`}>
          <h3 id={`${id}-other`}>{messages.otherPropertiesHeading}</h3>
          <dl className="ral-detail-list">
            {others.map(({ segments, label }) => {
              const value = getAt(event, segments)
              return (
                <div key={label} className="ral-detail-item" data-field={label}>
                  <dt>{revealHidden(label)}</dt>
                  <dd>
                    <DetailValue value={value} label={label} messages={messages}>
                      <span className="ral-detail-text">{revealHidden(String(value))}</span>
                    </DetailValue>
                  </dd>
                </div>
              )
            })}
          </dl>
        </section>
      ) : null}
    </>
  )
}
