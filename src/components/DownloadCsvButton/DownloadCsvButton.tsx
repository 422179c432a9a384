import { type ComponentPropsWithRef, Suspense, useId } from 'react'

import { formatNumber } from '../../core/format'
import { type CsvExportScope, useCsvExport, type UseCsvExportOptions } from '../../hooks/useCsvExport'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { ExportCancel, ExportFailure, ExportStatus, preloadExportParts } from './lazyParts'
import { SplitMenuButton } from './SplitMenuButton'

/** Export options, and any prop of the part's root `div` (`className` is added to its own); the controls are the part's. */
export interface DownloadCsvButtonProps
  extends Pick<UseCsvExportOptions<never>, 'pageSize' | 'bom' | 'saveWith' | 'worker'>, Omit<ComponentPropsWithRef<'div'>, 'children'> {}

/**
 * "Download CSV" with a menu for the rows: every event matching the current search (the button's own
 * action) or only the loaded rows, the exported fields in order. While it runs the control itself is Cancel
 * and fills with the progress, in the same place and size; the outcome is said under it, Retry after a failure.
 */
export function DownloadCsvButton({ className, pageSize, bom, saveWith, worker, ...props }: DownloadCsvButtonProps) {
  const { adapter, fields, format, messages, search, result, tenantId, getId } = useAuditLogsContext('DownloadCsvButton')
  const id = useId()
  const { state, start, cancel, dismiss } = useCsvExport({
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
  const running = state.status === 'running'
  // Nothing to download: say why, and keep the button reachable so the reason can be read.
  const nothing = result.events.length === 0 && !result.hasNextPage
  const unavailable = nothing && result.status === 'success' ? 'empty' : nothing && result.status === 'error' ? 'error' : undefined
  const reason = unavailable && messages.exportUnavailable(unavailable)

  return (
    <div {...props} className={['ral-export', className].filter(Boolean).join(' ')}>
      {/* Pointing at or focusing the control fetches what a running export shows, so Cancel is there at once. */}
      <div className="ral-export-controls" title={reason} onPointerOverCapture={preloadExportParts} onFocusCapture={preloadExportParts}>
        <SplitMenuButton
          label={messages.download}
          menuLabel={messages.exportScopeLabel}
          items={[
            { key: 'all', label: messages.exportScopeAll },
            { key: 'loaded', label: messages.exportScopeLoaded(result.events.length, formatNumber(result.events.length, format.locale)) },
          ]}
          onAction={() => start('all')}
          onChoose={(key) => start(key as CsvExportScope)}
          unavailable={reason ? `${id}-reason` : undefined}
          covered={running}
        />
        {reason ? (
          <span id={`${id}-reason`} className="ral-visually-hidden">
            {reason}
          </span>
        ) : null}
        {running ? (
          <Suspense fallback={null}>
            <ExportCancel written={state.written} total={state.total} describedBy={`${id}-status`} onCancel={cancel} />
          </Suspense>
        ) : null}
      </div>
      <div id={`${id}-status`} className={running ? 'ral-visually-hidden' : 'ral-export-status'} role="status">
        {state.status === 'idle' || state.status === 'error' ? null : (
          <Suspense fallback={null}>
            <ExportStatus state={state} onDismiss={dismiss} />
          </Suspense>
        )}
      </div>
      {state.status === 'error' ? (
        <Suspense fallback={null}>
          <ExportFailure error={state.error} onRetry={() => start(state.scope)} />
        </Suspense>
      ) : null}
    </div>
  )
}
