import { useId, useState } from 'react'

import { type CsvExportScope, useCsvExport, type UseCsvExportOptions } from '../../hooks/useCsvExport'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { ErrorNotice } from '../ErrorNotice/ErrorNotice'

export interface DownloadCsvButtonProps extends Pick<UseCsvExportOptions<never>, 'pageSize' | 'bom' | 'saveWith'> {
  className?: string
}

/**
 * "Download CSV": every event matching the current search (or only the loaded rows), the exported fields
 * in order, with progress, Cancel, and Retry after a failure.
 */
export function DownloadCsvButton({ className, pageSize, bom, saveWith }: DownloadCsvButtonProps) {
  const { adapter, fields, format, messages, search, result, tenantId, getId } = useAuditLogsContext('DownloadCsvButton')
  const [scope, setScope] = useState<CsvExportScope>('all')
  const scopeId = useId()
  const { state, start, cancel } = useCsvExport({
    adapter,
    search,
    fields,
    timeZone: format.timeZone,
    loadedEvents: result.events,
    tenantId,
    getId,
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(bom === undefined ? {} : { bom }),
    ...(saveWith === undefined ? {} : { saveWith }),
  })
  const number = (value: number): string => new Intl.NumberFormat(format.locale).format(value)
  const running = state.status === 'running'

  let status = ''
  if (state.status === 'running') status = messages.exportProgress(number(state.written), state.total === undefined ? undefined : number(state.total))
  else if (state.status === 'done') {
    status =
      state.rows === undefined ? messages.exportDoneByServer(state.fileName) : messages.exportDone(state.rows, number(state.rows), state.fileName)
    if (state.truncatedCells > 0) status += ` ${messages.exportTruncated(state.truncatedCells)}`
    if (state.failedCells > 0) status += ` ${messages.exportFailedCells(state.failedCells)}`
    if (state.outsideRange > 0) status += ` ${messages.exportOutsideRange(state.outsideRange, number(state.outsideRange))}`
  } else if (state.status === 'cancelled') status = messages.exportCancelled

  return (
    <div className={['ral-export', className].filter(Boolean).join(' ')}>
      <div className="ral-export-controls">
        <button type="button" className="ral-button ral-button--primary" onClick={() => start(scope)} disabled={running}>
          {messages.download}
        </button>
        <label className="ral-visually-hidden" htmlFor={scopeId}>
          {messages.exportScopeLabel}
        </label>
        <select
          id={scopeId}
          className="ral-select"
          value={scope}
          onChange={(event) => setScope(event.target.value as CsvExportScope)}
          disabled={running}
        >
          <option value="all">{messages.exportScopeAll}</option>
          <option value="loaded">{messages.exportScopeLoaded(result.events.length, number(result.events.length))}</option>
        </select>
        {running ? (
          <button type="button" className="ral-button" onClick={cancel}>
            {messages.cancel}
          </button>
        ) : null}
      </div>
      <p className="ral-export-status" role="status">
        {status}
      </p>
      {state.status === 'error' ? (
        <ErrorNotice title={messages.exportFailed} error={state.error} part="export" onRetry={() => start(scope)} note={messages.exportNoFile} />
      ) : null}
    </div>
  )
}
