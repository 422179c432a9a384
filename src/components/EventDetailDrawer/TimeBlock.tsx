import { useId } from 'react'

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

const ORDER = ['local', 'utc', 'iso', 'json', 'epoch'] as const
/** Forms written for machines: left to right in a right-to-left page too. */
const MACHINE = new Set<string>(['iso', 'json', 'epoch'])

/**
 * The event's time in every form an admin may need, each copyable, collapsed: the header already says when.
 * A native `<details>`, so it opens with Enter or Space and its state needs no script.
 */
export function TimeBlock({ value, format, messages }: TimeBlockProps) {
  const id = useId()
  const ms = toEpochMs(value)
  return (
    <details className="ral-drawer-section ral-timestamps">
      <summary>
        <h3 id={id}>{messages.timeHeading}</h3>
      </summary>
      {ms === null ? (
        <p className="ral-muted">{typeof value === 'string' ? value : messages.emptyValue}</p>
      ) : (
        <TimeForms ms={ms} value={value} format={format} messages={messages} labelledBy={id} />
      )}
    </details>
  )
}

function TimeForms({ ms, value, format, messages, labelledBy }: TimeBlockProps & { ms: number; labelledBy: string }) {
  const forms = timeRepresentations(ms, { ...format, subMilliseconds: subMillisecondDigits(value) })
  return (
    <dl className="ral-detail-list" aria-labelledby={labelledBy}>
      {ORDER.map((key) => (
        <div key={key} className="ral-detail-item">
          <dt>{messages.timeLabels[key]}</dt>
          <dd>
            <div className="ral-detail-value">
              <span className={MACHINE.has(key) ? 'ral-detail-text ral-ltr' : 'ral-detail-text'}>{forms[key]}</span>
            </div>
            <div className="ral-detail-actions">
              <CopyButton text={forms[key]} label={messages.copyValue(messages.timeLabels[key])} messages={messages} />
            </div>
          </dd>
        </div>
      ))}
    </dl>
  )
}
