import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'

import { callOptions } from '../../adapter/types'
import { validateViews } from '../../adapter/validateViews'
import type { SavedView, SavedViewInput } from '../../core/savedViews'
import { auditQueryKeys, viewerQueryOptions } from '../../hooks/queryKeys'
import { useViewerConfig } from '../AuditLogsProvider/context'

export interface UseSavedViewsResult {
  views: SavedView[] | undefined
  status: 'pending' | 'error' | 'success'
  /** The last save or delete failed (the list stays as it was). */
  failed: boolean
  busy: boolean
  /** Resolves with whether it was stored. */
  save: (view: SavedViewInput) => Promise<boolean>
  remove: (id: string) => Promise<boolean>
}

/** The adapter's saved views for the viewer's tenant, with saving and deleting (the list is read again after each). */
export function useSavedViews(): UseSavedViewsResult {
  const { adapter, tenantId, reportError } = useViewerConfig('SavedViews')
  const client = useQueryClient()
  const queryKey = [...auditQueryKeys.all(adapter, tenantId), 'views']
  const list = useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      if (!adapter.listViews) throw new Error('unreachable: the query is disabled')
      return validateViews(await adapter.listViews(callOptions(signal, tenantId)))
    },
    enabled: typeof adapter.listViews === 'function',
    ...viewerQueryOptions,
  })
  const [failed, setFailed] = useState(false)
  const [busy, setBusy] = useState(false)
  const run = async (work: (signal: AbortSignal) => Promise<unknown>): Promise<boolean> => {
    setFailed(false)
    setBusy(true)
    try {
      await work(new AbortController().signal)
      return true
    } catch (error) {
      setFailed(true)
      reportError(error instanceof Error ? error : new Error(String(error)), 'views')
      return false
    } finally {
      setBusy(false)
      await client.invalidateQueries({ queryKey })
    }
  }
  return {
    views: list.data,
    status: list.status,
    failed,
    busy,
    save: (view) => run((signal) => adapter.saveView?.(view, callOptions(signal, tenantId)) ?? Promise.resolve()),
    remove: (id) => run((signal) => adapter.deleteView?.(id, callOptions(signal, tenantId)) ?? Promise.resolve()),
  }
}
