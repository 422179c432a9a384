import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react'

import type { AuditLogsAdapter } from '../../adapter/types'
import { isDevelopment } from '../../core/development'
import { defaultFields, localizeLabels } from '../../core/fields'
import { checkFields, checkSearch } from '../../core/checkInput'
import { type AuditLogsMessages, coreMessages, type ProvidedMessages } from '../../core/messages'
import { withoutTenantValues } from '../../core/tenantSearch'
import type { AuditEvent, AuditField, AuditSearch } from '../../core/types'
import { useAuditEvents } from '../../hooks/useAuditEvents'
import { useControllableState } from '../../hooks/useControllableState'
import { useFieldConfig } from '../../hooks/useFieldConfig'
import { useSearchHistory } from '../../hooks/useSearchHistory'
import { useShallowMemo } from '../../hooks/useShallowMemo'
import { readUrlState, writeUrlState } from '../../hooks/urlState'
import { useTimedAdapter } from '../../hooks/useTimedAdapter'
import { AuditLogsContext, type AuditLogsContextValue, type AuditLogsPart, type ColumnsOverlay } from './context'

export interface AuditLogsProviderProps<TEvent extends AuditEvent = AuditEvent> {
  /** Where events come from: `createMemoryAdapter`, `createFetchAdapter`, or your own. */
  adapter: AuditLogsAdapter<TEvent>
  /** The data structure (which fields exist, which are shown and which exported), when the host owns it. */
  fields?: readonly AuditField<TEvent>[]
  /**
   * The data structure when the viewer opens; edits in the settings panel and a configuration stored by
   * the adapter (`loadFieldConfig`) are laid over it. Defaults to the library's `defaultFields`.
   */
  defaultFields?: readonly AuditField<TEvent>[]
  /** Called with the new data structure when an admin changes it. */
  onFieldsChange?: (fields: readonly AuditField<TEvent>[]) => void
  /** IANA time zone (or `"UTC"`) for every time shown and every date range, when the host owns it. */
  timeZone?: string
  /** The zone when the viewer opens. Defaults to the user's zone. */
  defaultTimeZone?: string
  /** Called when the person picks another zone. */
  onTimeZoneChange?: (timeZone: string) => void
  /** BCP 47 locale for dates and numbers. Defaults to the user's locale. */
  locale?: string
  /** Events per request. Defaults to `50`. */
  pageSize?: number
  /**
   * Milliseconds an adapter call may take before the viewer gives up on it with a clear message and
   * Retry (the call's signal fires). Server exports (`exportCsv`) have no limit. `0` turns it off.
   * Defaults to `30000`.
   */
  requestTimeout?: number
  /**
   * The longest date range a search may span, in days. A longer range typed in is refused with a message;
   * one from the host or a link starts this long before its end instead, with a message. Defaults to
   * `3653` (ten years).
   */
  maxRangeDays?: number
  /**
   * The tenant (customer) whose log this is: passed to every adapter call and part of every cache key, so
   * two viewers for two tenants on one page never share data.
   */
  tenantId?: string
  /**
   * How events are told apart, when `id` is not enough: Kubernetes repeats `auditID` for each stage of a
   * request (`(event) => `${event.id}:${event.stage}``). Without it, events that repeat an id with other
   * content are kept as rows of their own and counted in a notice; exact copies are shown once. Defaults to `id`.
   */
  getId?: (event: TEvent) => string
  /** Overrides for any visible string. */
  messages?: Partial<AuditLogsMessages>
  /**
   * Called once for each failure the viewer shows (the list, an event, an export, saving the data
   * structure), with the error as the adapter gave it: the developer detail that people are not shown. In
   * development builds it is also written to the console.
   */
  onError?: (error: Error, details: { part: AuditLogsPart }) => void
  /** The search (range, text, filters, sort), when the host owns it. */
  search?: AuditSearch
  /** The search when the viewer opens. Defaults to everything, newest first. */
  defaultSearch?: AuditSearch
  /** Called when the person changes the search. */
  onSearchChange?: (search: AuditSearch) => void
  /** Polls for new events every this many milliseconds and offers "N new events" instead of moving the list. */
  refreshInterval?: number
  /** The id of the event open in the detail drawer (`null`: closed), when the host owns it. */
  openEventId?: string | null
  /** The event open when the viewer first renders. */
  defaultOpenEventId?: string | null
  /** Called when the drawer opens another event or closes (`null`). */
  onOpenEventChange?: (id: string | null) => void
  /**
   * Set this to `true` to keep the search and the open event in the page's query string, so a reload or a
   * shared link shows the same view. Give a `prefix` to keep two viewers' parameters apart. Defaults to `false`.
   */
  urlState?: boolean | { prefix: string }
  children?: ReactNode
}

const DEFAULT_SEARCH: AuditSearch = { sort: { key: 'createdAt', direction: 'desc' } }

const closed = (): null => null

/** The user's own zone, as the runtime knows it. */
const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/** Uses the host's QueryClient when there is one, so caches and devtools are shared; else brings its own. */
function QueryClientBoundary({ children }: { children: ReactNode }) {
  const hostClient = useContext(QueryClientContext)
  // The viewer's queries carry their own options (`viewerQueryOptions`), so this client needs none.
  const [ownClient] = useState(() => new QueryClient())
  if (hostClient) return children
  return <QueryClientProvider client={ownClient}>{children}</QueryClientProvider>
}

/**
 * The host's `getId` as one function for the viewer's life (the latest one is called), so an inline arrow does
 * not make the loaded list be keyed again on every render.
 */
function useStableGetId<TEvent extends AuditEvent>(getId: ((event: TEvent) => string) | undefined): ((event: TEvent) => string) | undefined {
  const latest = useRef(getId)
  useEffect(() => {
    latest.current = getId
  })
  const given = getId !== undefined
  return useMemo(() => (given ? (event: TEvent) => (latest.current ?? ((fallback: TEvent) => fallback.id))(event) : undefined), [given])
}

/** Reports each shown failure once: to the host's `onError`, and in development to the console. */
function useErrorReport(onError: AuditLogsProviderProps['onError']): AuditLogsContextValue['reportError'] {
  const onErrorRef = useRef(onError)
  useEffect(() => {
    onErrorRef.current = onError
  })
  const [reported] = useState(() => new WeakSet<Error>())
  return useCallback(
    (error: Error, part: AuditLogsPart) => {
      if (reported.has(error)) return
      reported.add(error)
      onErrorRef.current?.(error, { part })
      if (isDevelopment()) console.warn(`react-audit-logs (${part}):`, error)
    },
    [reported],
  )
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

  const value: AuditLogsContextValue<TEvent> = useShallowMemo({
    adapter,
    fields,
    fieldConfig,
    format,
    messages: allMessages,
    pageSize,
    search,
    setSearch,
    pushSearch,
    setColumns,
    setTimeZone,
    timeZonePinned,
    refreshInterval,
    tenantId,
    getId,
    maxRangeDays,
    requestTimeout,
    reportError,
    notices,
    result,
    openEventId,
    setOpenEventId,
    focusRowRef,
    showRowRef,
  })

  return <AuditLogsContext.Provider value={value as unknown as AuditLogsContextValue}>{children}</AuditLogsContext.Provider>
}
