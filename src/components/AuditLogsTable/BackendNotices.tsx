import { useState } from 'react'

import { formatNumber } from '../../core/format'
import { useViewerConfig, useViewerResults } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'

/**
 * What the viewer did not believe of the backend's answers, said plainly: paging it stopped, a total it
 * corrected, events from outside the searched range it left out, ids it found repeated, copies it merged, a
 * log that changed under the reader. Nothing is changed without a word. Loads only when there is something
 * to say. A compact banner above the table, which the reader may dismiss until there is something new to say.
 */
export default function BackendNotices() {
  const { messages: provided, format } = useViewerConfig('AuditLogsTable')
  const result = useViewerResults('AuditLogsTable')
  const messages = useAllMessages(provided)
  const number = (value: number): string => formatNumber(value, format.locale)
  const notices: string[] = []
  if (result.pagingStop) notices.push(messages.pagingStopped(result.pagingStop))
  if (result.reportedTotal !== undefined) {
    notices.push(messages.totalContradicted(number(result.reportedTotal), number(result.rowCount + result.outsideRange + result.mergedCopies)))
  }
  if (result.outsideRange > 0) notices.push(messages.outsideRange(result.outsideRange, number(result.outsideRange)))
  if (result.repeatedIds > 0) notices.push(messages.repeatedIds(result.repeatedIds, number(result.repeatedIds)))
  if (result.mergedCopies > 0) notices.push(messages.mergedCopies(result.mergedCopies, number(result.mergedCopies)))
  if (result.logChanged) notices.push(messages.logChanged)
  const [dismissed, setDismissed] = useState('')
  const said = notices.join('\n')
  if (notices.length === 0 || dismissed === said) return null
  return (
    <div className="ral-banner" role="status">
      <span className="ral-banner-icon" aria-hidden="true">
        !
      </span>
      <div className="ral-banner-text">
        <p className="ral-banner-title">{messages.noticesTitle}</p>
        {notices.map((notice) => (
          <p key={notice}>{notice}</p>
        ))}
      </div>
      <button type="button" className="ral-text-button" onClick={() => setDismissed(said)}>
        {messages.dismissNotices}
      </button>
    </div>
  )
}
