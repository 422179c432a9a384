import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react'

import { useAuditLogsContext } from '../AuditLogsProvider/context'

// The drawer (dialog, time forms, JSON tree) is not part of the first download: it loads once rows show.
let loaded: ComponentType | undefined
const loadDrawer = () => import('../EventDetailDrawer/EventDetailDrawer').then((module) => (loaded = module.EventDetailDrawer))
const LazyDrawer = lazy(async () => ({ default: await loadDrawer() }))

/** `EventDetailDrawer`, loaded on the first open and kept from then on (so closing hands focus back). */
export function LazyEventDetailDrawer() {
  const { openEventId, result } = useAuditLogsContext('AuditLogs')
  // Once preloaded, the drawer is drawn as it is: through `lazy` even a loaded chunk would suspend once, and
  // React holds a Suspense boundary's content back (about 300 ms) after its fallback shows.
  const [Drawer, setDrawer] = useState<ComponentType | null>(null)
  const hasRows = result.events.length > 0
  useEffect(() => {
    // When the browser is idle, so fetching and compiling the drawer never delays the first rows. Safari has
    // no requestIdleCallback (whatever the DOM types say): the next task there.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (hasRows) (window.requestIdleCallback ?? setTimeout)(() => void loadDrawer())
  }, [hasRows])
  // Derived during render, as React recommends for state that follows a prop; chosen once, so it never remounts.
  if (openEventId !== null && !Drawer) setDrawer(() => loaded ?? LazyDrawer)
  return Drawer ? (
    <Suspense fallback={null}>
      <Drawer />
    </Suspense>
  ) : null
}
