import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'

import { defaultFields, localizeLabels } from '../../core/fields'
import { checkFields, checkSearch } from '../../core/checkInput'
import { coreMessages, type ProvidedMessages } from '../../core/messages'
import { withoutTenantValues } from '../../core/tenantSearch'
import type { AuditEvent, AuditSearch } from '../../core/types'
import { useAuditEvents, type UseAuditEventsResult } from '../../hooks/useAuditEvents'
import { useControllableState } from '../../hooks/useControllableState'
import { useFieldConfig } from '../../hooks/useFieldConfig'
import { useSearchHistory } from '../../hooks/useSearchHistory'
import { useShallowMemo } from '../../hooks/useShallowMemo'
import { readUrlState, writeUrlState } from '../../hooks/urlState'
import { useTimedAdapter } from '../../hooks/useTimedAdapter'
import {
  type ColumnsOverlay,
  ConfigContext,
  GlanceContext,
  ResultsContext,
  SearchContext,
  SelectionContext,
  type ViewerConfig,
  type ViewerGlance,
  type ViewerSearch,
  type ViewerSelection,
} from './context'
import { useErrorReport, useLatestRef, userTimeZone, useStableGetId } from './providerHooks'
import type { AuditLogsProviderProps } from './providerProps'

export type { AuditLogsProviderProps } from './providerProps'

const DEFAULT_SEARCH: AuditSearch = { sort: { key: 'createdAt', direction: 'desc' } }

const closed = (): null => null

/** Uses the host's QueryClient when there is one, so caches and devtools are shared; else brings its own. */
function QueryClientBoundary({ children }: { children: ReactNode }) {
  const hostClient = useContext(QueryClientContext)
  // The viewer's queries carry their own options (`viewerQueryOptions`), so this client needs none.
  const [ownClient] = useState(() => new QueryClient())
  if (hostClient) return children
  return <QueryClientProvider client={ownClient}>{children}</QueryClientProvider>
}

/** Holds the adapter, the data structure and the current search for the viewer's parts. */
export function AuditLogsProvider<TEvent extends AuditEvent = AuditEvent>(props: AuditLogsProviderProps<TEvent>) {
  const { pageSize = 50, defaultSearch = DEFAULT_SEARCH, requestTimeout = 30_000, children } = props
  const adapter = useTimedAdapter(props.adapter, requestTimeout)
  return (
    <QueryClientBoundary>
      <AuditLogsState {...props} adapter={adapter} pageSize={pageSize} defaultSearch={defaultSearch} requestTimeout={requestTimeout}>
        {children}
      </AuditLogsState>
    </QueryClientBoundary>
  )
}

type StateProps<TEvent extends AuditEvent> = AuditLogsProviderProps<TEvent> &
  Required<Pick<AuditLogsProviderProps<TEvent>, 'pageSize' | 'defaultSearch' | 'requestTimeout'>>

/** The provider's state; inside the QueryClient boundary because it queries. */
function AuditLogsState<TEvent extends AuditEvent>(props: StateProps<TEvent>) {
  const {
    adapter,
    locale,
    pageSize,
    messages,
    defaultSearch,
    urlState = false,
    refreshInterval,
    tenantId,
    maxRangeDays = 3653,
    requestTimeout,
    onError,
    children,
  } = props
  const allMessages = useMemo<ProvidedMessages>(() => (messages ? { ...coreMessages, ...messages } : coreMessages), [messages])
  const fieldConfig = useFieldConfig<TEvent>({
    adapter,
    fields: props.fields,
    defaultFields: props.defaultFields ?? defaultFields,
    onFieldsChange: props.onFieldsChange,
    tenantId,
  })
  const checkedFields = useMemo(() => checkFields(fieldConfig.fields), [fieldConfig.fields])
  // A saved view's columns, laid over the data structure while it is applied; its code loads with the views.
  const [columns, setColumns] = useState<{ lay: ColumnsOverlay } | null>(null)
  const fields = useMemo(() => {
    const localized = localizeLabels(checkedFields.fields, allMessages.fieldLabels)
    return columns ? columns.lay(localized) : localized
  }, [checkedFields.fields, allMessages.fieldLabels, columns])
  const urlPrefix = urlState === false ? null : urlState === true ? '' : urlState.prefix
  const [fromUrl] = useState(() =>
    urlPrefix === null || typeof window === 'undefined' ? {} : readUrlState(new URLSearchParams(window.location.search), urlPrefix),
  )
  const [rawSearch, setSearchValue] = useControllableState<AuditSearch>({
    value: props.search,
    defaultValue: { ...defaultSearch, ...fromUrl.search },
    onChange: props.onSearchChange,
    name: 'search',
    // Another tenant's filter values and text mean nothing here (and must not be sent in its queries).
    resetOn: tenantId,
    reset: withoutTenantValues,
  })
  // What the host or a link asked for, corrected where it cannot run (unknown sort or filter keys, a range
  // that is no range or too long); the corrections are shown as notices.
  // An open range's length counts to the moment the viewer opened (exact enough to catch a mistyped year).
  const [openedAt] = useState(Date.now)
  const check = useCallback(
    (raw: AuditSearch) => checkSearch(raw, fields, maxRangeDays, openedAt, adapter),
    [fields, maxRangeDays, openedAt, adapter],
  )
  const checked = useMemo(() => check(rawSearch), [check, rawSearch])
  const { search } = checked
  // Every change builds on the latest search, corrected, even when two arrive before a render (a debounced
  // text and a click on a header).
  const setSearch = useCallback(
    (update: (previous: AuditSearch) => AuditSearch) => setSearchValue((latest) => update(check(latest).search)),
    [check, setSearchValue],
  )
  const notices = useMemo(() => [...checkedFields.problems, ...checked.problems], [checkedFields.problems, checked.problems])
  const pushSearch = useSearchHistory(search, setSearch, `react-audit-logs:search:${urlPrefix ?? ''}`)
  const [timeZone, setTimeZone] = useControllableState<string>({
    value: props.timeZone,
    // The runtime's zone is asked for only when the host names none (in one profile, under load, asking took
    // about 30 ms of the first render).
    defaultValue: props.defaultTimeZone ?? props.timeZone ?? userTimeZone(),
    onChange: props.onTimeZoneChange,
    name: 'timeZone',
  })
  // A zone the host pins without listening for changes (`timeZone="UTC"`) cannot be changed here: the
  // picker shows it, read-only.
  const timeZonePinned = props.timeZone !== undefined && props.onTimeZoneChange === undefined
  const getId = useStableGetId(props.getId)
  const result = useAuditEvents({ adapter, search, pageSize, tenantId, getId })
  const [openEventId, setOpenEventId] = useControllableState<string | null>({
    value: props.openEventId,
    defaultValue: fromUrl.openEventId ?? props.defaultOpenEventId ?? null,
    onChange: props.onOpenEventChange,
    name: 'openEventId',
    resetOn: tenantId,
    reset: closed,
  })
  useEffect(() => {
    if (urlPrefix === null) return
    const { pathname, search: query, hash } = window.location
    const next = writeUrlState(new URLSearchParams(query), { search, openEventId }, urlPrefix).toString()
    const target = `${pathname}${next ? `?${next}` : ''}${hash}`
    // Replace, not push: browsing the log should not fill the back button's history.
    if (target !== `${pathname}${query}${hash}`) window.history.replaceState(window.history.state, '', target)
  }, [urlPrefix, search, openEventId])
  const focusRowRef = useRef<((id: string) => boolean) | null>(null)
  const showRowRef = useRef<((row: number) => void) | null>(null)
  const format = useMemo(() => ({ locale, timeZone }), [locale, timeZone])
  const reportError = useErrorReport(onError)

  const latestResultRef = useLatestRef(result)
  const config: ViewerConfig<TEvent> = useShallowMemo({
    adapter,
    fields,
    fieldConfig,
    format,
    messages: allMessages,
    pageSize,
    setColumns,
    setTimeZone,
    timeZonePinned,
    refreshInterval,
    tenantId,
    getId,
    maxRangeDays,
    requestTimeout,
    reportError,
    focusRowRef,
    showRowRef,
    latestResultRef,
  })
  const scopedSearch: ViewerSearch = useShallowMemo({ search, setSearch, pushSearch, notices })
  const empty = result.events.length === 0
  const glance: ViewerGlance = useShallowMemo({ status: result.status, empty, nothing: empty && !result.hasNextPage })
  const selection: ViewerSelection = useShallowMemo({ openEventId, setOpenEventId })

  return (
    <ConfigContext.Provider value={config as unknown as ViewerConfig}>
      <SearchContext.Provider value={scopedSearch}>
        <GlanceContext.Provider value={glance}>
          <ResultsContext.Provider value={result as unknown as UseAuditEventsResult<AuditEvent>}>
            <SelectionContext.Provider value={selection}>{children}</SelectionContext.Provider>
          </ResultsContext.Provider>
        </GlanceContext.Provider>
      </SearchContext.Provider>
    </ConfigContext.Provider>
  )
}
