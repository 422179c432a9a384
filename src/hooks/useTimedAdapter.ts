import { useMemo } from 'react'

import { withTimeout } from '../adapter/timeout'
import type { AuditLogsAdapter } from '../adapter/types'
import type { AuditEvent } from '../core/types'
import { shareAdapterKey } from './adapterKey'

/** The adapter with a time limit on its calls; same caches as the adapter itself. */
export function useTimedAdapter<TEvent extends AuditEvent>(adapter: AuditLogsAdapter<TEvent>, ms: number): AuditLogsAdapter<TEvent> {
  return useMemo(() => {
    const timed = withTimeout(adapter, ms)
    shareAdapterKey(timed, adapter)
    return timed
  }, [adapter, ms])
}
