import type { FormatOptions } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import type { QueryCapabilities } from '../../core/queryable'
import type { AuditEvent, AuditField } from '../../core/types'
import { unreadableProblem } from '../../core/unreadable'
import { EventFields } from './EventFields'
import { ServerRecord } from './ServerRecord'
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

/** The body of the detail drawer: every field and every other property, what the server recorded, then the time in every form. */
export default function EventDetails<TEvent extends AuditEvent>({
  event,
  fields,
  format,
  messages,
  onFilter,
  capabilities,
}: EventDetailsProps<TEvent>) {
  const problem = unreadableProblem(event)
  return (
    <>
      {problem === undefined ? null : (
        <p className="ral-state ral-state--error">
          <strong>{messages.unreadableEventDetail}</strong> {problem}
        </p>
      )}
      <EventFields event={event} fields={fields} format={format} messages={messages} onFilter={onFilter} capabilities={capabilities} />
      <ServerRecord event={event} format={format} messages={messages} />
      <TimeBlock value={event.createdAt} format={format} messages={messages} />
    </>
  )
}
