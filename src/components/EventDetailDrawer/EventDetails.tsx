import { useId } from 'react'

import type { FormatOptions } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import type { QueryCapabilities } from '../../core/queryable'
import type { AuditEvent, AuditField } from '../../core/types'
import { unreadableProblem } from '../../core/unreadable'
import { EventFields } from './EventFields'
import { TimeBlock } from './TimeBlock'

export interface EventDetailsProps<TEvent extends AuditEvent> {
  event: TEvent
  fields: readonly AuditField<TEvent>[]
  format: FormatOptions
  messages: AuditLogsMessages
  /** Adds a filter: the key the adapter filters by, and the value. */
  onFilter: (key: string, value: string) => void
  /** What the adapter can filter by: a Filter button is offered only there. */
  capabilities: QueryCapabilities
}

/** The body of the detail drawer: the time in every form, then every field and every other property. */
export default function EventDetails<TEvent extends AuditEvent>({
  event,
  fields,
  format,
  messages,
  onFilter,
  capabilities,
}: EventDetailsProps<TEvent>) {
  const id = useId()
  const problem = unreadableProblem(event)
  return (
    <>
      {problem === undefined ? null : (
        <p className="ral-state ral-state--error">
          <strong>{messages.unreadableEventDetail}</strong> {problem}
        </p>
      )}
      <section className="ral-drawer-section" aria-labelledby={`${id}-time`}>
        <h3 id={`${id}-time`}>{messages.timeHeading}</h3>
        <TimeBlock value={event.createdAt} format={format} messages={messages} />
      </section>
      <EventFields event={event} fields={fields} format={format} messages={messages} onFilter={onFilter} capabilities={capabilities} />
    </>
  )
}
