import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { isDevelopment } from '../../core/development'
import type { AuditEvent } from '../../core/types'
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

/** The latest value in a ref, for an action that reads it when it runs rather than on every render. */
export function useLatestRef<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useEffect(() => {
    ref.current = value
  })
  return ref
}
