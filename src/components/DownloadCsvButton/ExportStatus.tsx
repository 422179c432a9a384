import { useLayoutEffect, useRef } from 'react'

import { formatNumber } from '../../core/format'
import type { CsvExportScope, CsvExportState } from '../../hooks/useCsvExport'
import { useViewerConfig } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { ErrorNotice } from '../ErrorNotice/ErrorNotice'

// What an export says while it runs and when it ends. It loads with the first export, beside the export's
// own code, so the download button up front is only a button.

interface ExportStatusProps {
  state: CsvExportState
  onDismiss: () => void
  /** Starts the failed export again, with its rows. */
  onRetry: (scope: CsvExportScope) => void
}

/**
 * The counts of a running export (for a screen reader: the control itself shows the progress), what a
 * finished or cancelled one did, with Dismiss, or its failure, with Retry.
 */
export function ExportStatus({ state, onDismiss, onRetry }: ExportStatusProps) {
  const { format, messages: provided } = useViewerConfig('ExportStatus')
  const messages = useAllMessages(provided)
  const number = (value: number): string => formatNumber(value, format.locale)
  if (state.status === 'running') {
    return messages.exportProgress(number(state.written), state.total === undefined ? undefined : number(state.total))
  }
  if (state.status === 'error') return <ExportFailure error={state.error} onRetry={() => onRetry(state.scope)} />
  let status: string
  if (state.status === 'cancelled') status = messages.exportCancelled
  else if (state.status !== 'done') return null
  else {
    status =
      state.rows === undefined ? messages.exportDoneByServer(state.fileName) : messages.exportDone(state.rows, number(state.rows), state.fileName)
    if (state.truncatedCells > 0) status += ` ${messages.exportTruncated(state.truncatedCells)}`
    if (state.failedCells > 0) status += ` ${messages.exportFailedCells(state.failedCells)}`
    if (state.outsideRange > 0) status += ` ${messages.exportOutsideRange(state.outsideRange, number(state.outsideRange))}`
    if (state.merged > 0) status += ` ${messages.exportMerged(state.merged, number(state.merged))}`
  }
  return (
    <>
      <p>{status}</p>
      <button type="button" className="ral-text-button" onClick={onDismiss}>
        {messages.dismissNotices}
      </button>
    </>
  )
}

/** A failed export, with Retry: no file was saved. */
function ExportFailure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const messages = useAllMessages(useViewerConfig('ExportFailure').messages)
  return <ErrorNotice title={messages.exportFailed} error={error} part="export" onRetry={onRetry} note={messages.exportNoFile} />
}

interface ExportCancelProps {
  /** The running export: rows written so far, and the total when known (the fill moves to and fro without it). */
  written: number
  total: number | undefined
  onCancel: () => void
}

/** The running export: Cancel over the Download pair, in its place and size, filled as far as the rows go. */
export function ExportCancel({ written, total, onCancel }: ExportCancelProps) {
  const { format, messages } = useViewerConfig('ExportCancel')
  const share = total ? Math.min(1, written / total) : undefined
  const button = useRef<HTMLButtonElement>(null)
  // Whoever started the export from the keyboard is on the button that now runs it; focus follows it back.
  useLayoutEffect(() => {
    const active = document.activeElement
    if (!active || active === document.body || button.current?.parentElement?.contains(active)) button.current?.focus()
    const element = button.current
    // Described by the export's status (the counts in words), drawn right after the controls.
    const status = element?.parentElement?.nextElementSibling
    if (status) element.setAttribute('aria-describedby', status.id)
    return () => {
      // When the export ends with focus on Cancel, focus goes back to the button Cancel covered.
      const covered = element?.parentElement?.querySelector<HTMLElement>('.ral-split-main')
      if (element && document.activeElement === element) queueMicrotask(() => covered?.focus())
    }
  }, [])
  return (
    <button ref={button} type="button" className="ral-button ral-export-cancel" onClick={onCancel}>
      <span
        className="ral-export-fill"
        data-indeterminate={share === undefined || undefined}
        style={share === undefined ? undefined : { width: `${(share * 100).toFixed(1)}%` }}
        aria-hidden="true"
      />
      <span className="ral-export-cancel-label">{messages.cancel}</span>
      <span className="ral-export-count" aria-hidden="true">
        {formatNumber(written, format.locale)}
      </span>
    </button>
  )
}
