import type { FormatOptions } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import { subMillisecondDigits, toEpochMs } from '../../core/time'
import { timeRepresentations } from '../../core/timeRepresentations'
import { CopyButton } from '../CopyButton/CopyButton'

interface TimeBlockProps {
  value: unknown
  format: FormatOptions
  messages: AuditLogsMessages
}

const ORDER = ['local', 'utc', 'iso', 'json', 'epoch', 'relative'] as const
/** Forms written for machines: left to right in a right-to-left page too. */
const MACHINE = new Set<string>(['iso', 'json', 'epoch'])

/** The event's time in every form an admin may need, each copyable. */
export function TimeBlock({ value, format, messages }: TimeBlockProps) {
  const ms = toEpochMs(value)
  if (ms === null) return <p className="ral-muted">{typeof value === 'string' ? value : messages.emptyValue}</p>
  const forms = timeRepresentations(ms, { ...format, subMilliseconds: subMillisecondDigits(value) })
  return (
    <dl className="ral-detail-list ral-time-block">
      {ORDER.map((key) => (
        <div key={key} className="ral-detail-item">
          <dt>{messages.timeLabels[key]}</dt>
          <dd>
            <span className={MACHINE.has(key) ? 'ral-detail-text ral-ltr' : 'ral-detail-text'}>{forms[key]}</span>
            <CopyButton text={forms[key]} label={messages.timeLabels[key]} messages={messages} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
