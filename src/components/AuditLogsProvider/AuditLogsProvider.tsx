import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useContext, useMemo, useState } from 'react'

import type { AuditLogsAdapter } from '../../adapter/types'
import { defaultFields } from '../../core/fields'
import { type AuditLogsMessages, defaultMessages } from '../../core/messages'
import type { AuditEvent, AuditField } from '../../core/types'
import type { AuditSearch } from '../../hooks/useAuditEvents'
import { AuditLogsContext, type AuditLogsContextValue } from './context'

export interface AuditLogsProviderProps<TEvent extends AuditEvent = AuditEvent> {
  /** Where events come from: `createMemoryAdapter`, `createFetchAdapter`, or your own. */
  adapter: AuditLogsAdapter<TEvent>
  /** The data structure: which fields exist, which are shown and which exported. Defaults to `defaultFields`. */
  fields?: readonly AuditField<TEvent>[]
  /** IANA time zone (or `"UTC"`) for every time shown. Defaults to the user's zone. */
  timeZone?: string
  /** BCP 47 locale for dates and numbers. Defaults to the user's locale. */
  locale?: string
  /** Events per request. Defaults to `50`. */
  pageSize?: number
  /** Overrides for any visible string. */
  messages?: Partial<AuditLogsMessages>
  /** The search when the viewer opens. Defaults to everything, newest first. */
  defaultSearch?: AuditSearch
  children?: ReactNode
}

const DEFAULT_SEARCH: AuditSearch = { sort: { key: 'createdAt', direction: 'desc' } }

/** Uses the host's QueryClient when there is one, so caches and devtools are shared; else brings its own. */
function QueryClientBoundary({ children }: { children: ReactNode }) {
  const hostClient = useContext(QueryClientContext)
  const [ownClient] = useState(() => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }))
  if (hostClient) return children
  return <QueryClientProvider client={ownClient}>{children}</QueryClientProvider>
}

/** Holds the adapter, the data structure and the current search for the viewer's parts. */
export function AuditLogsProvider<TEvent extends AuditEvent = AuditEvent>(props: AuditLogsProviderProps<TEvent>) {
  const { adapter, fields = defaultFields, timeZone, locale, pageSize = 50, messages, defaultSearch = DEFAULT_SEARCH, children } = props
  const [search, setSearch] = useState<AuditSearch>(defaultSearch)

  const value = useMemo<AuditLogsContextValue<TEvent>>(
    () => ({
      adapter,
      fields,
      format: { locale, timeZone },
      messages: messages ? { ...defaultMessages, ...messages } : defaultMessages,
      pageSize,
      search,
      setSearch,
    }),
    [adapter, fields, locale, timeZone, messages, pageSize, search, setSearch],
  )

  return (
    <QueryClientBoundary>
      <AuditLogsContext.Provider value={value as unknown as AuditLogsContextValue}>{children}</AuditLogsContext.Provider>
    </QueryClientBoundary>
  )
}
