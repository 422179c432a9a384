import { useViewerConfig, useViewerSearch } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'

/** What the viewer corrected in the fields or search it was given. Loads only when there is something to say. */
export default function InputNotices() {
  const { messages: provided } = useViewerConfig('AuditLogsTable')
  const { notices } = useViewerSearch('AuditLogsTable')
  const messages = useAllMessages(provided)
  return (
    <div className="ral-state ral-notices" role="status">
      <ul>
        {notices.map((notice, index) => (
          <li key={index}>{messages.inputProblem(notice)}</li>
        ))}
      </ul>
    </div>
  )
}
