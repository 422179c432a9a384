import { useCallback, useEffect, useRef } from 'react'

import type { AuditSearch } from '../core/types'

/**
 * Applies a search as a step of the browser's history: the current entry keeps the search it shows, a new
 * entry holds the next one, and Back (`popstate`) puts the kept search back. Works with or without URL state
 * (the search travels in `history.state` under `key`, beside whatever the host keeps there).
 */
export function useSearchHistory(
  search: AuditSearch,
  setSearch: (update: (previous: AuditSearch) => AuditSearch) => void,
  key: string,
): (update: (previous: AuditSearch) => AuditSearch) => void {
  const latest = useRef(search)
  useEffect(() => {
    latest.current = search
  })
  useEffect(() => {
    const onPopState = (event: PopStateEvent): void => {
      const stored = (event.state as Record<string, unknown> | null)?.[key]
      if (typeof stored === 'object' && stored !== null) setSearch(() => stored)
    }
    window.addEventListener('popstate', onPopState)
    return () => window.removeEventListener('popstate', onPopState)
  }, [key, setSearch])
  return useCallback(
    (update) => {
      const next = update(latest.current)
      const state = (window.history.state as Record<string, unknown> | null) ?? {}
      window.history.replaceState({ ...state, [key]: latest.current }, '')
      window.history.pushState({ ...state, [key]: next }, '')
      setSearch(() => next)
    },
    [key, setSearch],
  )
}
