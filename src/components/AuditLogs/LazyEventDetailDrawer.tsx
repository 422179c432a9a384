import { lazy, Suspense, useEffect, useState } from 'react'

import { useAuditLogsContext } from '../AuditLogsProvider/context'

// The drawer (dialog, time forms, JSON tree) is not part of the first download: it loads once rows show.
const loadDrawer = () => import('../EventDetailDrawer/EventDetailDrawer')
const EventDetailDrawer = lazy(async () => ({ default: (await loadDrawer()).EventDetailDrawer }))

/** `EventDetailDrawer`, loaded on the first open and kept from then on (so closing hands focus back). */
export function LazyEventDetailDrawer() {
  const { openEventId, result } = useAuditLogsContext('AuditLogs')
  const [needed, setNeeded] = useState(openEventId !== null)
  const hasRows = result.events.length > 0
  useEffect(() => {
    if (!hasRows) return
    // When the browser is idle, so fetching and compiling the drawer never delays the first rows.
    // (Safari has no requestIdleCallback: a short delay there.)
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => void loadDrawer())
    else setTimeout(() => void loadDrawer(), 200)
  }, [hasRows])
  // Derived during render, as React recommends for state that follows a prop.
  if (openEventId !== null && !needed) setNeeded(true)
  return needed ? (
    <Suspense fallback={null}>
      <EventDetailDrawer />
    </Suspense>
  ) : null
}
