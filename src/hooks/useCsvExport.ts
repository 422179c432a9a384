import { useCallback, useEffect, useRef, useState } from 'react'

import { isAbortError } from '../adapter/errors'
import type { AuditLogsAdapter } from '../adapter/types'
import { exportFileName } from '../core/exportFileName'
import type { AuditEvent, AuditField, AuditSearch } from '../core/types'
import { canSaveToFileSystem, pickSaveFile } from '../export/pickSaveFile'

export type CsvExportScope = 'all' | 'loaded'

const loadExport = () => Promise.all([import('../export/runCsvExport'), import('../export/sinks')])

export type CsvExportState =
  | { status: 'idle' }
  | { status: 'running'; fileName: string; written: number; total: number | undefined }
  | { status: 'done'; fileName: string; rows: number | undefined; truncatedCells: number; failedCells: number; outsideRange: number; merged: number }
  | { status: 'error'; fileName: string; error: Error; scope: CsvExportScope }
  | { status: 'cancelled' }

export interface UseCsvExportOptions<TEvent extends AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  search: AuditSearch
  fields: readonly AuditField<TEvent>[]
  timeZone?: string | undefined
  /**
   * The rows on screen, for the "loaded rows only" choice; or a function that returns them when an export
   * starts, so a part need not render again for every page loaded.
   */
  loadedEvents: readonly TEvent[] | (() => readonly TEvent[])
  /** Events per adapter request while exporting. Defaults to `500`. */
  pageSize?: number
  /** Set this to `false` to leave out the UTF-8 BOM. Defaults to `true`. */
  bom?: boolean
  /**
   * `'download'` saves the file to the browser's downloads when the export is complete, as every browser
   * does with a download. `'picker'` first asks where to save and then writes page by page straight to that
   * file (File System Access API: Chromium-based browsers; elsewhere it downloads): worth it for exports of
   * millions of rows, which then never sit in memory. Defaults to `'download'`.
   */
  saveWith?: 'download' | 'picker'
  /**
   * Set this to `true` to write the rows of an export of every matching event in a module Worker, where the
   * browser starts one (see `runCsvExport`'s `worker`): it pays off only with a core to spare. Defaults to `false`.
   */
  worker?: boolean
  /** The tenant, passed to every adapter call. */
  tenantId?: string | undefined
  /** How events are told apart; defaults to their `id`. */
  getId?: ((event: TEvent) => string) | undefined
}

export interface UseCsvExportResult {
  state: CsvExportState
  /** Starts an export; call it from a click (saving to a file needs the user's gesture). */
  start: (scope: CsvExportScope) => void
  cancel: () => void
  /** Forgets a finished or cancelled export's outcome (a running export goes on). */
  dismiss: () => void
}

/**
 * Exports the current search to CSV with progress, cancel and a clean failure: every matching event, or
 * the loaded rows only. The export code and papaparse load on the first export.
 */
export function useCsvExport<TEvent extends AuditEvent>(options: UseCsvExportOptions<TEvent>): UseCsvExportResult {
  const [state, setState] = useState<CsvExportState>({ status: 'idle' })
  // The export's code is fetched and compiled when the browser is idle once there is something to export, so
  // a click starts writing at once (it cost ~40 ms between the click and the first row). Safari has no
  // requestIdleCallback (whatever the DOM types say): the next task there. A failed preload is left to the click.
  const loaded = typeof options.loadedEvents === 'function' || options.loadedEvents.length > 0
  useEffect(() => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (loaded) (window.requestIdleCallback ?? setTimeout)(() => void loadExport().catch(() => undefined))
  }, [loaded])
  const controllerRef = useRef<AbortController | null>(null)
  const optionsRef = useRef(options)
  useEffect(() => {
    optionsRef.current = options
  })
  // An export does not outlive the viewer, nor its tenant: one started for the previous tenant is cancelled
  // when the tenant changes, and delivers no file under the new tenant's screen.
  const { tenantId } = options
  useEffect(
    () => () => {
      if (!controllerRef.current) return
      controllerRef.current.abort()
      controllerRef.current = null
      setState({ status: 'idle' })
    },
    [tenantId],
  )

  const start = useCallback((scope: CsvExportScope) => {
    const { adapter, search, fields, timeZone, pageSize, bom, saveWith = 'download', worker, tenantId, getId } = optionsRef.current
    const given = optionsRef.current.loadedEvents
    const loadedEvents = typeof given === 'function' ? given() : given
    controllerRef.current?.abort()
    const controller = new AbortController()
    controllerRef.current = controller
    const now = Date.now()
    const fileName = exportFileName(search, timeZone, now)
    // Ask for the file first, while the click's user activation lasts. A server export may answer with a
    // URL, which downloads as it is, so it gets no file picker.
    const serverMade = scope === 'all' && typeof adapter.exportCsv === 'function'
    // A page the browser does not let pick files (a cross-origin frame) downloads instead; closing the
    // dialog cancels.
    const picked =
      saveWith === 'picker' && !serverMade && canSaveToFileSystem()
        ? pickSaveFile(fileName).catch((error: unknown) => {
            if (isAbortError(error)) throw error
            return null
          })
        : null
    setState({ status: 'running', fileName, written: 0, total: scope === 'loaded' ? loadedEvents.length : undefined })

    const finish = (next: CsvExportState): void => {
      if (controllerRef.current === controller) setState(next)
    }
    // The export code (with papaparse) loads on the first export, so it costs the host page nothing up front.
    Promise.all([picked, loadExport()])
      .then(async ([handle, [{ runCsvExport }, sinks]]) =>
        runCsvExport({
          adapter,
          search,
          fields,
          timeZone,
          sink: handle ? await sinks.createFileSystemSink(handle) : sinks.createDownloadSink(fileName),
          signal: controller.signal,
          scope,
          loadedEvents,
          now,
          fileName,
          tenantId,
          getId,
          ...(pageSize === undefined ? {} : { pageSize }),
          ...(bom === undefined ? {} : { bom }),
          ...(worker === undefined ? {} : { worker }),
          onProgress: ({ written, total }) => finish({ status: 'running', fileName, written, total }),
        }),
      )
      .then(
        (done) => finish({ status: 'done', fileName, ...done }),
        (error: unknown) => {
          // Cancelling, or closing the save dialog, is not an error.
          if (controller.signal.aborted || isAbortError(error)) finish({ status: 'cancelled' })
          else finish({ status: 'error', fileName, error: error instanceof Error ? error : new Error(String(error)), scope })
        },
      )
  }, [])

  const cancel = useCallback(() => {
    controllerRef.current?.abort()
  }, [])

  const dismiss = useCallback(() => {
    setState((current) => (current.status === 'running' ? current : { status: 'idle' }))
  }, [])

  return { state, start, cancel, dismiss }
}
