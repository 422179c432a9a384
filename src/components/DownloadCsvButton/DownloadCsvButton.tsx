import { type ComponentPropsWithRef, Suspense, type ToggleEvent, useCallback, useId, useState } from 'react'

import { useCsvExport, type UseCsvExportOptions } from '../../hooks/useCsvExport'
import { useViewerConfig, useViewerGlance, useViewerSearch } from '../AuditLogsProvider/context'
import { ExportCancel, ExportMenuItems, ExportStatus } from './lazyParts'

/** Export options, and any prop of the part's root `div` (`className` is added to its own); the controls are the part's. */
export interface DownloadCsvButtonProps
  extends Pick<UseCsvExportOptions<never>, 'pageSize' | 'bom' | 'saveWith' | 'worker'>, Omit<ComponentPropsWithRef<'div'>, 'children'> {}

const NO_EVENTS: readonly never[] = []

/**
 * "Download CSV" with a menu for the rows: every event matching the current search (the button's own
 * action) or only the loaded rows, the exported fields in order. While it runs the control itself is Cancel
 * and fills with the progress, in the same place and size; the outcome is said under it, Retry after a failure.
 */
export function DownloadCsvButton({ className, pageSize, bom, saveWith, worker, ...props }: DownloadCsvButtonProps) {
  const { adapter, fields, format, messages, tenantId, getId, latestResultRef } = useViewerConfig('DownloadCsvButton')
  const { search } = useViewerSearch('DownloadCsvButton')
  // The results at a glance, not the results: the button does not render again for every page loaded; the
  // loaded rows are read when an export of them starts.
  const glance = useViewerGlance('DownloadCsvButton')
  const loadedEvents = useCallback(() => latestResultRef.current.events, [latestResultRef])
  const id = useId()
  const [menuOpen, setMenuOpen] = useState(false)
  const { state, start, cancel, dismiss } = useCsvExport({
    adapter,
    search,
    fields,
    timeZone: format.timeZone,
    loadedEvents: glance.empty ? NO_EVENTS : loadedEvents,
    tenantId,
    getId,
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(bom === undefined ? {} : { bom }),
    ...(saveWith === undefined ? {} : { saveWith }),
    ...(worker === undefined ? {} : { worker }),
  })
  const running = state.status === 'running'
  // Nothing to download: say why, and keep the button reachable so the reason can be read.
  const { nothing } = glance
  const unavailable = nothing && glance.status === 'success' ? 'empty' : nothing && glance.status === 'error' ? 'error' : undefined
  const reason = unavailable && messages.exportUnavailable(unavailable)

  // Both buttons say why they do nothing.
  const off = reason ? { 'aria-disabled': true, 'aria-describedby': `${id}-reason` } : {}

  return (
    <div {...props} className={['ral-export', className].filter(Boolean).join(' ')}>
      <div className="ral-export-controls" title={reason}>
        {/* Download and its menu button (WAI-ARIA menu button); out of reach while an export runs, and hidden but
            keeping its room once Cancel (loaded with the first export) covers it. */}
        <div className="ral-split" inert={running}>
          <button type="button" className="ral-button ral-button--primary ral-split-main" onClick={reason ? undefined : () => start('all')} {...off}>
            {messages.download}
          </button>
          <button
            type="button"
            className="ral-button ral-button--primary ral-split-toggle"
            aria-label={messages.exportScopeLabel}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            {...off}
            popoverTarget={reason ? undefined : id}
            onKeyDown={(event) => {
              // ArrowDown opens the menu too (on its first item), as Enter and Space do.
              if (reason || event.key !== 'ArrowDown') return
              event.preventDefault()
              ;(event.currentTarget.nextElementSibling as HTMLElement).showPopover()
            }}
          >
            <span className="ral-split-chevron" aria-hidden="true" />
          </button>
          {/* The platform's popover: the top layer (no ancestor's overflow clips it), closed by a click outside or Escape. */}
          <div
            id={id}
            popover="auto"
            role="menu"
            aria-label={messages.exportScopeLabel}
            className="ral-menu"
            onToggle={(event: ToggleEvent<HTMLDivElement>) => setMenuOpen(event.newState === 'open')}
          >
            {menuOpen ? (
              <Suspense fallback={null}>
                <ExportMenuItems onChoose={start} />
              </Suspense>
            ) : null}
          </div>
        </div>
        {reason ? (
          <span id={`${id}-reason`} className="ral-visually-hidden">
            {reason}
          </span>
        ) : null}
        {running ? (
          <Suspense fallback={null}>
            <ExportCancel written={state.written} total={state.total} onCancel={cancel} />
          </Suspense>
        ) : null}
      </div>
      {/* What the export says: its counts while it runs (for a screen reader), then its outcome; a failure is an alert. */}
      <div id={`${id}-status`} className="ral-export-status" role={state.status === 'error' ? undefined : 'status'}>
        {state.status === 'idle' ? null : (
          <Suspense fallback={null}>
            <ExportStatus state={state} onDismiss={dismiss} onRetry={start} />
          </Suspense>
        )}
      </div>
    </div>
  )
}
