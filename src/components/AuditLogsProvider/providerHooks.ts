import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { isDevelopment } from '../../core/development'
import type { AuditEvent, AuditSearch } from '../../core/types'
import { writeUrlState } from '../../hooks/urlState'
import type { AuditLogsPart, ViewerConfig } from './context'
import type { AuditLogsProviderProps } from './providerProps'

/** The user's own zone, as the runtime knows it. */
export const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone

/**
 * The host's `getId` as one function for the viewer's life (the latest one is called), so an inline arrow does
 * not make the loaded list be keyed again on every render.
 */
export function useStableGetId<TEvent extends AuditEvent>(getId: ((event: TEvent) => string) | undefined): ((event: TEvent) => string) | undefined {
  const latest = useRef(getId)
  useEffect(() => {
    latest.current = getId
  })
  const given = getId !== undefined
  return useMemo(() => (given ? (event: TEvent) => (latest.current ?? ((fallback: TEvent) => fallback.id))(event) : undefined), [given])
}

/** Reports each shown failure once: to the host's `onError`, and in development to the console. */
export function useErrorReport(onError: AuditLogsProviderProps['onError']): ViewerConfig['reportError'] {
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

/** Keeps the search and the open event in the page's query string (`urlState`), under `prefix`; `null`: not. */
export function useUrlSync(prefix: string | null, search: AuditSearch, openEventId: string | null): void {
  useEffect(() => {
    if (prefix === null) return
    const { pathname, search: query, hash } = window.location
    const next = writeUrlState(new URLSearchParams(query), { search, openEventId }, prefix).toString()
    const target = `${pathname}${next ? `?${next}` : ''}${hash}`
    // Replace, not push: browsing the log should not fill the back button's history.
    if (target !== `${pathname}${query}${hash}`) window.history.replaceState(window.history.state, '', target)
  }, [prefix, search, openEventId])
}

/** The latest value in a ref, for an action that reads it when it runs rather than on every render. */
export function useLatestRef<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useEffect(() => {
    ref.current = value
  })
  return ref
}
