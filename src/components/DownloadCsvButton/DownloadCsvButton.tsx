import { type ComponentPropsWithRef, lazy, Suspense, useId, useState } from 'react'

import { formatNumber } from '../../core/format'
import { type CsvExportScope, useCsvExport, type UseCsvExportOptions } from '../../hooks/useCsvExport'
import { useAuditLogsContext } from '../AuditLogsProvider/context'

// What an export says loads with the first export, beside the export's own code.
const loadStatus = () => import('./ExportStatus')
const ExportStatus = lazy(async () => ({ default: (await loadStatus()).ExportStatus }))
const ExportFailure = lazy(async () => ({ default: (await loadStatus()).ExportFailure }))

/** Export options, and any prop of the part's root `div` (`className` is added to its own); the controls are the part's. */
export interface DownloadCsvButtonProps
  extends Pick<UseCsvExportOptions<never>, 'pageSize' | 'bom' | 'saveWith' | 'worker'>, Omit<ComponentPropsWithRef<'div'>, 'children'> {}

/**
 * "Download CSV": every event matching the current search (or only the loaded rows), the exported fields
 * in order, with progress, Cancel, and Retry after a failure.
 */
export function DownloadCsvButton({ className, pageSize, bom, saveWith, worker, ...props }: DownloadCsvButtonProps) {
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
    ...(worker === undefined ? {} : { worker }),
  })
  const number = (value: number): string => formatNumber(value, format.locale)
  const running = state.status === 'running'
  // Nothing to download: say why, and keep the button reachable so the reason can be read.
  const nothing = result.events.length === 0 && !result.hasNextPage
  const unavailable = nothing && result.status === 'success' ? 'empty' : nothing && result.status === 'error' ? 'error' : undefined
  const reason = unavailable && messages.exportUnavailable(unavailable)

  return (
    <div {...props} className={['ral-export', className].filter(Boolean).join(' ')}>
      <div className="ral-export-controls" title={reason}>
        <button
          type="button"
          className="ral-button ral-button--primary"
          onClick={() => (reason ? undefined : start(scope))}
          disabled={running}
          aria-disabled={reason ? true : undefined}
          aria-describedby={reason ? `${scopeId}-reason` : undefined}
        >
          {messages.download}
        </button>
        {reason ? (
          <span id={`${scopeId}-reason`} className="ral-visually-hidden">
            {reason}
          </span>
        ) : null}
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
      <div className="ral-export-status" role="status">
        {state.status === 'idle' ? null : (
          <Suspense fallback={null}>
            <ExportStatus state={state} />
          </Suspense>
        )}
      </div>
      {state.status === 'error' ? (
        <Suspense fallback={null}>
          <ExportFailure error={state.error} onRetry={() => start(scope)} />
        </Suspense>
      ) : null}
    </div>
  )
}
