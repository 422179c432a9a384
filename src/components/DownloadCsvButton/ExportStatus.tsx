import { formatNumber } from '../../core/format'
import type { CsvExportState } from '../../hooks/useCsvExport'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { ErrorNotice } from '../ErrorNotice/ErrorNotice'

// What an export says while it runs and when it ends. It loads with the first export, beside the export's
// own code, so the download button up front is only a button.

/** The progress bar and counts of a running export, or what a finished or cancelled one did. */
export function ExportStatus({ state }: { state: CsvExportState }) {
  const { format, messages: provided } = useAuditLogsContext('ExportStatus')
  const messages = useAllMessages(provided)
  const number = (value: number): string => formatNumber(value, format.locale)
  if (state.status === 'running') {
    return (
      <>
        {state.total ? <progress max={state.total} value={state.written} aria-hidden="true" /> : null}
        {messages.exportProgress(number(state.written), state.total === undefined ? undefined : number(state.total))}
      </>
    )
  }
  if (state.status === 'cancelled') return messages.exportCancelled
  if (state.status !== 'done') return null
  let status =
    state.rows === undefined ? messages.exportDoneByServer(state.fileName) : messages.exportDone(state.rows, number(state.rows), state.fileName)
  if (state.truncatedCells > 0) status += ` ${messages.exportTruncated(state.truncatedCells)}`
  if (state.failedCells > 0) status += ` ${messages.exportFailedCells(state.failedCells)}`
  if (state.outsideRange > 0) status += ` ${messages.exportOutsideRange(state.outsideRange, number(state.outsideRange))}`
  if (state.merged > 0) status += ` ${messages.exportMerged(state.merged, number(state.merged))}`
  return status
}

/** A failed export, with Retry: no file was saved. */
export function ExportFailure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const messages = useAllMessages(useAuditLogsContext('ExportFailure').messages)
  return <ErrorNotice title={messages.exportFailed} error={error} part="export" onRetry={onRetry} note={messages.exportNoFile} />
}
