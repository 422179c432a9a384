import { lazy, Suspense, useId, useState } from 'react'

import { defaultMessages } from '../../core/messages'
import type { AuditEvent } from '../../core/types'
import { AuditLogsProvider, type AuditLogsProviderProps } from '../AuditLogsProvider/AuditLogsProvider'
import { AuditLogsTable } from '../AuditLogsTable/AuditLogsTable'
import { DateRangeSearch } from '../DateRangeSearch/DateRangeSearch'
import { DownloadCsvButton, type DownloadCsvButtonProps } from '../DownloadCsvButton/DownloadCsvButton'
import { EventDetailDrawer } from '../EventDetailDrawer/EventDetailDrawer'
import { FilterBar } from '../FilterBar/FilterBar'
import { TextSearch } from '../TextSearch/TextSearch'

// Only admins open the settings panel, and only some viewers poll for new events: that code loads when used.
const FieldSettings = lazy(() => import('../FieldSettings/FieldSettings').then((module) => ({ default: module.FieldSettings })))
const NewEventsNotice = lazy(() => import('../NewEventsNotice/NewEventsNotice').then((module) => ({ default: module.NewEventsNotice })))

export interface AuditLogsProps<TEvent extends AuditEvent = AuditEvent> extends Omit<AuditLogsProviderProps<TEvent>, 'children'> {
  className?: string
  /** CSV export options: `bom`, `pageSize` (events per request while exporting), `saveWith`. */
  csvOptions?: Omit<DownloadCsvButtonProps, 'className'>
  /** Set this to `true` to offer the data-structure settings panel (for admins). Defaults to `false`. */
  settings?: boolean
}

/**
 * The whole audit-log viewer in one component: give it an adapter, optionally a data structure.
 *
 * ```tsx
 * <AuditLogs adapter={createFetchAdapter({ baseUrl: '/api/audit-logs' })} />
 * ```
 */
export function AuditLogs<TEvent extends AuditEvent = AuditEvent>({ className, csvOptions, settings = false, ...providerProps }: AuditLogsProps<TEvent>) {
  const [settingsOpen, setSettingsOpen] = useState(false)
  const settingsId = useId()
  return (
    <AuditLogsProvider {...providerProps}>
      <section className={['ral-root', className].filter(Boolean).join(' ')}>
        <div className="ral-toolbar">
          <DateRangeSearch />
          <DownloadCsvButton {...csvOptions} />
          {settings ? (
            <button type="button" className="ral-button" aria-expanded={settingsOpen} aria-controls={settingsId} onClick={() => setSettingsOpen(!settingsOpen)}>
              {providerProps.messages?.settingsToggle ?? defaultMessages.settingsToggle}
            </button>
          ) : null}
        </div>
        {settings && settingsOpen ? (
          <div id={settingsId}>
            <Suspense fallback={<p className="ral-state">{providerProps.messages?.loading ?? defaultMessages.loading}</p>}>
              <FieldSettings />
            </Suspense>
          </div>
        ) : null}
        <div className="ral-search-row">
          <TextSearch />
        </div>
        <FilterBar />
        {providerProps.refreshInterval ? (
          <Suspense fallback={null}>
            <NewEventsNotice />
          </Suspense>
        ) : null}
        <AuditLogsTable />
        <EventDetailDrawer />
      </section>
    </AuditLogsProvider>
  )
}
