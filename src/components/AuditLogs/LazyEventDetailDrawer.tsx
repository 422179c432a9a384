import { type ComponentType, useEffect, useState } from 'react'

import type { EventDetailDrawerProps } from '../EventDetailDrawer/EventDetailDrawer'

import { useViewerResults, useViewerSelection } from '../AuditLogsProvider/context'

// The drawer (dialog, time forms, JSON tree) is not part of the first download: it loads once rows show.
const loadDrawer = () => import('../EventDetailDrawer/EventDetailDrawer').then((module) => module.EventDetailDrawer)

/**
 * `EventDetailDrawer`, loaded and mounted (closed) when the browser is idle once rows show, or on the first
 * open, and kept from then on (so closing hands focus back). Mounted ahead, a click opens it in the click's
 * own render. Not through `lazy` and `Suspense`: React holds a boundary's content back for about 300 ms
 * after its fallback shows, and even a loaded chunk suspends `lazy` once.
 */
export function LazyEventDetailDrawer({ canReveal }: Pick<EventDetailDrawerProps, 'canReveal'>) {
  const { openEventId } = useViewerSelection('AuditLogs')
  const result = useViewerResults('AuditLogs')
  const [Drawer, setDrawer] = useState<ComponentType<EventDetailDrawerProps>>()
  const hasRows = result.events.length > 0
  const open = openEventId !== null
  useEffect(() => {
    const mount = (onError: (error: unknown) => void) => void loadDrawer().then((drawer) => setDrawer(() => drawer), onError)
    // A chunk that fails to load on an open throws where the drawer would be, for the viewer's error
    // boundary; a failed preload is left for the open to try again.
    if (open)
      mount((error) =>
        setDrawer(() => () => {
          throw error
        }),
      )
    // When the browser is idle, so fetching and compiling the drawer never delays the first rows. Safari has
    // no requestIdleCallback (whatever the DOM types say): the next task there.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    else if (hasRows) (window.requestIdleCallback ?? setTimeout)(() => mount(() => {}))
  }, [hasRows, open])
  return Drawer ? <Drawer {...(canReveal === undefined ? {} : { canReveal })} /> : null
}
