import { useId } from 'react'

import type { FormatOptions } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import type { AuditEvent, AuditField } from '../../core/types'
import { unreadableProblem } from '../../core/unreadable'
import { EventFields } from './EventFields'
import { TimeBlock } from './TimeBlock'

export interface EventDetailsProps<TEvent extends AuditEvent> {
  event: TEvent
  fields: readonly AuditField<TEvent>[]
  format: FormatOptions
  messages: AuditLogsMessages
  onFilter: (key: string, value: string) => void
}

/** The body of the detail drawer: the time in every form, then every field and every other property. */
export default function EventDetails<TEvent extends AuditEvent>({ event, fields, format, messages, onFilter }: EventDetailsProps<TEvent>) {
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
      <EventFields event={event} fields={fields} format={format} messages={messages} onFilter={onFilter} />
    </>
  )
}
