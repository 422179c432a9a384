import {
  AuditLogsProvider,
  AuditLogsTable,
  CommandBar,
  createFetchAdapter,
  DownloadCsvButton,
  EventDetailDrawer,
  useAuditLogs,
} from 'react-audit-logs'
import 'react-audit-logs/styles.css'

const adapter = createFetchAdapter({ baseUrl: '/api/audit-logs' })

/** The host's own part: one click shows only what failed, another click shows everything again. */
function OnlyFailures() {
  const { search, setSearch } = useAuditLogs()
  const on = search.filters?.result?.includes('failed') ?? false
  return (
    <button
      type="button"
      className="ral-button ral-bar-button"
      aria-pressed={on}
      onClick={() =>
        setSearch(({ filters = {}, ...rest }) => {
          const { result: _result, ...others } = filters
          return { ...rest, filters: on ? others : { ...others, result: ['failed'] } }
        })
      }
    >
      Only failures
    </button>
  )
}

export function CustomAuditLogPage() {
  return (
    <AuditLogsProvider adapter={adapter} timeZone="UTC">
      <section className="ral-root">
        <CommandBar>
          <OnlyFailures />
          <DownloadCsvButton />
        </CommandBar>
        <AuditLogsTable />
        <EventDetailDrawer />
      </section>
    </AuditLogsProvider>
  )
}
