import { lazy, Suspense } from 'react'

import { type CoreMessages, coreMessages } from '../../core/messages'
import type { AuditEvent } from '../../core/types'
import { AuditLogsProvider, type AuditLogsProviderProps } from '../AuditLogsProvider/AuditLogsProvider'
import { AuditLogsTable } from '../AuditLogsTable/AuditLogsTable'
import { CommandBar } from '../CommandBar/CommandBar'
import { DownloadCsvButton, type DownloadCsvButtonProps } from '../DownloadCsvButton/DownloadCsvButton'
import { GuardedPart, PartBoundary } from '../PartBoundary/PartBoundary'
import { Popover } from '../Popover/Popover'
import { LazyTimeline } from '../Timeline/LazyTimeline'
import { LazyEventDetailDrawer } from './LazyEventDetailDrawer'

// Only admins open the settings panel, and only some viewers poll for new events: that code loads when used.
const loadFieldSettings = () => import('../FieldSettings/FieldSettings')
const FieldSettings = lazy(() => loadFieldSettings().then((module) => ({ default: module.FieldSettings })))
// The integrity line loads only for an adapter that can verify (`verifyIntegrity`).
const IntegrityIndicator = lazy(() => import('../IntegrityIndicator/IntegrityIndicator').then((module) => ({ default: module.IntegrityIndicator })))
// Saved views load only for an adapter that keeps them (`listViews`), after the first render.
const SavedViewsButton = lazy(() => import('../SavedViews/SavedViewsButton').then((module) => ({ default: module.SavedViewsButton })))
const NewEventsNotice = lazy(() => import('../NewEventsNotice/NewEventsNotice').then((module) => ({ default: module.NewEventsNotice })))

export interface AuditLogsProps<TEvent extends AuditEvent = AuditEvent> extends Omit<AuditLogsProviderProps<TEvent>, 'children'> {
  className?: string
  /** CSV export options: `bom`, `pageSize` (events per request while exporting), `saveWith`, `worker`. */
  csvOptions?: Omit<DownloadCsvButtonProps, 'className'>
  /** Set this to `false` when the person may not see the audit log: a message shows and no adapter call is made. Defaults to `true`. */
  canView?: boolean
  /** Set this to `false` to hide the download. Defaults to `true`. */
  canExport?: boolean
  /**
   * Set this to `true` to offer the data-structure settings panel (for admins), and, with an adapter that keeps
   * saved views, to share views and set the tenant's default. Defaults to `false`.
   */
  canConfigure?: boolean
  /**
   * Set this to `true` for a person allowed to see hidden values: the drawer offers Reveal beside each, through
   * the adapter's `revealValue` (the backend records every reveal). Defaults to `false`.
   */
  canReveal?: boolean
  /** Set this to `false` when audit logs are switched off for the account: a message shows instead. Defaults to `true`. */
  enabled?: boolean
  /** Offered as "Enable audit logs" when `enabled` is `false` (give it to owners only). */
  onEnable?: () => void
  /** `'auto'` follows the system's light or dark setting; `'light'` or `'dark'` pins it. Defaults to `'auto'`. */
  theme?: 'auto' | 'light' | 'dark'
  /**
   * Set this to `false` to leave out the timeline above the table (events per bucket of time; drag to pick a
   * range). It shows only with an adapter that has `histogram`. Defaults to `true`.
   */
  timeline?: boolean
  /**
   * `'relative'` shows the table's times as "3 minutes ago" or "Yesterday 14:02", the exact time on hover and
   * focus; `'absolute'` shows the date and time. Defaults to `'relative'`.
   */
  times?: 'relative' | 'absolute'
}

/**
 * The whole audit-log viewer in one component: give it an adapter, optionally a data structure.
 *
 * ```tsx
 * <AuditLogs adapter={createFetchAdapter({ baseUrl: '/api/audit-logs' })} />
 * ```
 */
export function AuditLogs<TEvent extends AuditEvent = AuditEvent>(props: AuditLogsProps<TEvent>) {
  const { className, canView = true, enabled = true, onEnable, theme = 'auto' } = props
  const messages = { ...coreMessages, ...props.messages }
  const rootClass = ['ral-root', className].filter(Boolean).join(' ')
  // Without access, nothing is fetched: the viewer's state (and its queries) is not even created.
  if (!canView || !enabled) {
    return (
      <section className={rootClass} data-theme={theme}>
        <div className="ral-state ral-access" role="status">
          <p>{canView ? messages.notEnabled : messages.noPermission}</p>
          {canView && onEnable ? (
            <button type="button" className="ral-button ral-button--primary" onClick={onEnable}>
              {messages.enable}
            </button>
          ) : null}
        </div>
      </section>
    )
  }
  // Whatever fails inside stays inside: the host page around the viewer runs on.
  return (
    <PartBoundary message={messages.partFailed(undefined)} retry={messages.retry} onError={(error) => props.onError?.(error, { part: 'events' })}>
      <AuditLogsViewer {...props} rootClass={rootClass} words={messages} />
    </PartBoundary>
  )
}

/** The viewer itself; `rootClass` and `words` (the core messages with the host's overrides) come from `AuditLogs`. */
function AuditLogsViewer<TEvent extends AuditEvent>(props: AuditLogsProps<TEvent> & { rootClass: string; words: CoreMessages }) {
  const {
    rootClass,
    words,
    className: _className,
    csvOptions,
    canExport = true,
    canConfigure = false,
    canReveal,
    canView: _canView,
    enabled: _enabled,
    onEnable: _onEnable,
    theme = 'auto',
    timeline = true,
    times,
    ...providerProps
  } = props
  return (
    <AuditLogsProvider {...providerProps}>
      <section className={rootClass} data-theme={theme}>
        <CommandBar>
          {canExport ? (
            <GuardedPart part="export">
              <DownloadCsvButton {...csvOptions} />
            </GuardedPart>
          ) : null}
          {/* Beside the data structure: on a phone the two share the bar's second line. */}
          {providerProps.adapter.listViews ? (
            <Suspense fallback={null}>
              <SavedViewsButton canConfigure={canConfigure} />
            </Suspense>
          ) : null}
          {canConfigure ? (
            <Popover
              // A field half added is still there when the panel opens again.
              keepMounted
              className="ral-settings-button"
              title={words.settingsToggle}
              label={words.settingsToggle}
              onPreload={() => void loadFieldSettings()}
            >
              {() => (
                <GuardedPart part="field-config">
                  <Suspense fallback={<p className="ral-state">{words.loading}</p>}>
                    <FieldSettings />
                  </Suspense>
                </GuardedPart>
              )}
            </Popover>
          ) : null}
        </CommandBar>
        {providerProps.refreshInterval ? (
          <Suspense fallback={null}>
            <NewEventsNotice />
          </Suspense>
        ) : null}
        {providerProps.adapter.verifyIntegrity ? (
          <GuardedPart part="events">
            <Suspense fallback={<p className="ral-integrity" />}>
              <IntegrityIndicator />
            </Suspense>
          </GuardedPart>
        ) : null}
        {timeline ? (
          <GuardedPart part="timeline">
            <LazyTimeline />
          </GuardedPart>
        ) : null}
        <GuardedPart part="events">
          <AuditLogsTable {...(times ? { times } : {})} />
        </GuardedPart>
        <GuardedPart part="event">
          <LazyEventDetailDrawer {...(canReveal === undefined ? {} : { canReveal })} />
        </GuardedPart>
      </section>
    </AuditLogsProvider>
  )
}
