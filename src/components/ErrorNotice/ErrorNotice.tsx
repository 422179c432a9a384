import { useEffect } from 'react'

import { errorProblem } from '../../core/errorProblem'
import { useViewerConfig } from '../AuditLogsProvider/context'
import type { AuditLogsPart } from '../AuditLogsProvider/context'

/**
 * The failure of an adapter call as a person is told it, worded from its kind in the viewer's language;
 * the error itself (the developer detail) goes to the host's `onError` once.
 */
export function useErrorText(error: Error | null, part: AuditLogsPart): string {
  const { messages, requestTimeout, reportError } = useViewerConfig('useErrorText')
  useEffect(() => {
    if (error) reportError(error, part)
  }, [error, part, reportError])
  return error ? messages.errorMessage(errorProblem(error, requestTimeout)) : ''
}

export interface ErrorNoticeProps {
  /** What could not be done: "The audit log could not be loaded." */
  title: string
  error: Error
  part: AuditLogsPart
  onRetry: () => void
  /** Said after the reason: "No file was saved." */
  note?: string | undefined
}

/** A failure with Retry, for the table, the drawer and the export: an alert, so it is announced. */
export function ErrorNotice({ title, error, part, onRetry, note }: ErrorNoticeProps) {
  const { messages } = useViewerConfig('ErrorNotice')
  const text = useErrorText(error, part)
  return (
    <div className="ral-state ral-state--error" role="alert">
      <p>
        <strong>{title}</strong> {note ? `${text} ${note}` : text}
      </p>
      <button type="button" className="ral-button" onClick={onRetry}>
        {messages.retry}
      </button>
    </div>
  )
}
